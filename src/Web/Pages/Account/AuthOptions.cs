using System.ComponentModel.DataAnnotations;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// The "Auth" configuration section: the accounts that may sign in. Checked at start by
/// <see cref="AuthOptionsValidator"/>, so a broken account list stops the app instead of locking people out later.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public IList<AuthUser> Users { get; } = [];

    /// <summary>
    /// Failed sign-ins allowed within <see cref="FailedSignInWindow"/> per client address, and per user name from one
    /// address (both then refuse until the window ends); and per user name from anywhere, after which that name is
    /// only slowed down to one check per <see cref="SlowedSignInInterval"/>, so that a stranger cannot lock its owner out.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Auth:MaxFailedSignIns must be between {1} and {2}.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Auth:FailedSignInWindow must be between {1} and {2}.")]
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Auth:SlowedSignInInterval must be between {1} and {2}: it is how often a user name with too many failures from several addresses may try again.")]
    public TimeSpan SlowedSignInInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>One account: <see cref="PasswordHash"/> is made by <c>dotnet run --project src/Web -- hash-password</c>.</summary>
public sealed class AuthUser
{
    public string Name { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary><see cref="Roles.Admin"/> or <see cref="Roles.Viewer"/>.</summary>
    public string Role { get; set; } = "";
}

public static class Roles
{
    public const string Admin = "Admin";

    public const string Viewer = "Viewer";

    /// <summary>The canonical spelling of a configured role, or null when it is neither role.</summary>
    public static string? Normalize(string? role) =>
        string.Equals(role, Admin, StringComparison.OrdinalIgnoreCase) ? Admin
        : string.Equals(role, Viewer, StringComparison.OrdinalIgnoreCase) ? Viewer
        : null;
}
