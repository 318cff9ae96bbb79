using Microsoft.AspNetCore.Identity;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// The demo server with configured accounts instead of the demo's single one: <see cref="DemoAccount"/> as Admin
/// (same name and password, so the admin side reads as everywhere else) and <see cref="ViewerAccount"/> as Viewer.
/// A server of its own, because configured accounts switch the shared server's demo sign-in hint off.
/// </summary>
public sealed class AccountsServer : MeetingReportsServer
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Users:0:Name"] = DemoAccount.UserName,
        ["Auth:Users:0:PasswordHash"] = Hash(DemoAccount.Password),
        ["Auth:Users:0:Role"] = "Admin",
        ["Auth:Users:1:Name"] = ViewerAccount.UserName,
        ["Auth:Users:1:PasswordHash"] = Hash(ViewerAccount.Password),
        ["Auth:Users:1:Role"] = "Viewer",

        // Shorter than the 8 s a slowed read takes in GatheringStatusHttpTests, which follows the progress of one.
        ["Gathering:RenderWait"] = "00:00:05",
    };

    private static string Hash(string password) => new PasswordHasher<object>().HashPassword(new object(), password);
}

/// <summary>The Viewer of <see cref="AccountsServer"/>: sees every report, phone numbers only masked.</summary>
internal static class ViewerAccount
{
    public const string UserName = "viewer";
    public const string Password = "viewer-password";
}
