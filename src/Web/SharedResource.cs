namespace UMeetingReports.Web;

/// <summary>
/// Anchor for the one resource set every page and message uses (Resources/SharedResource.*.resx). Keys are the
/// English text, so English needs no file and a translation is a new .resx with no code change.
/// </summary>
public sealed class SharedResource;
