namespace UMeetingReports.Web.E2E.Harness;

/// <summary>The account the demo offers when Auth:Users is empty (the sign-in page names it).</summary>
internal static class DemoAccount
{
    public const string UserName = "admin";
    public const string Password = "admin";
}
