using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Demo;

/// <summary>
/// Where the reports come from, decided once at start from UMeeting:Mode, UMeeting:BaseUrl and the environment:
/// <see cref="Demo"/> serves the embedded simulator and reads it like the real service, <see cref="Live"/> reads
/// the meeting service at UMeeting:BaseUrl. The demo's services are registered only in <see cref="Demo"/>, so the
/// mode is read from configuration before the container is built; a host must supply it as a host setting
/// (environment variable, command line, appsettings), not as configuration added after registration.
/// </summary>
internal sealed class UpstreamMode
{
    public const string Setting = $"{UMeetingOptions.SectionName}:Mode";

    public const string BaseUrlSetting = $"{UMeetingOptions.SectionName}:{nameof(UMeetingOptions.BaseUrl)}";

    private UpstreamMode(string name) => Name = name;

    /// <summary>Generated data from the simulator this app hosts under <see cref="DemoMode.SimulatorPath"/>.</summary>
    public static UpstreamMode Demo { get; } = new("Demo");

    /// <summary>The meeting service at UMeeting:BaseUrl.</summary>
    public static UpstreamMode Live { get; } = new("Live");

    public string Name { get; }

    public bool IsDemo => ReferenceEquals(this, Demo);

    public static UpstreamMode Decide(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return Decide(configuration[Setting], configuration[BaseUrlSetting], environment.IsDevelopment());
    }

    /// <summary>
    /// The rules, in one place. A mode named explicitly must agree with BaseUrl; with no mode, a BaseUrl means Live
    /// and its absence means Demo in Development only, so that a production server never serves generated data
    /// (and the public demo sign-in) because a setting went missing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings name no mode the app can run in; the message names them.</exception>
    public static UpstreamMode Decide(string? mode, string? baseUrl, bool isDevelopment)
    {
        var hasBaseUrl = !string.IsNullOrWhiteSpace(baseUrl);
        var named = Parse(mode);

        if (named == Demo && hasBaseUrl)
        {
            throw new InvalidOperationException(
                $"{Setting} is Demo but {BaseUrlSetting} is set: the demo reads only its embedded simulator, so remove {BaseUrlSetting} to run the demo, or set {Setting} to Live to read the meeting service at '{baseUrl}'.");
        }

        if (named == Live && !hasBaseUrl)
        {
            throw new InvalidOperationException(
                $"{Setting} is Live but {BaseUrlSetting} is empty: set {BaseUrlSetting} to the meeting service's address, e.g. https://api.systeccloud.com.");
        }

        if (named is not null)
        {
            return named;
        }

        if (hasBaseUrl)
        {
            return Live;
        }

        return isDevelopment
            ? Demo
            : throw new InvalidOperationException(
                $"Neither {BaseUrlSetting} nor {Setting} is set, and outside Development the demo runs only when asked for: set {BaseUrlSetting} to the meeting service's address (e.g. https://api.systeccloud.com, with UMeeting:ApiKey, UMeeting:ApiSecret and Auth:Users), or set {Setting} to Demo to serve generated data.");
    }

    public override string ToString() => Name;

    private static UpstreamMode? Parse(string? mode)
    {
        if (string.IsNullOrWhiteSpace(mode))
        {
            return null;
        }

        var trimmed = mode.Trim();
        return string.Equals(trimmed, Demo.Name, StringComparison.OrdinalIgnoreCase) ? Demo
            : string.Equals(trimmed, Live.Name, StringComparison.OrdinalIgnoreCase) ? Live
            : throw new InvalidOperationException(
                $"{Setting} '{mode}' is not a mode: use Demo (generated data from the embedded simulator) or Live (the meeting service at {BaseUrlSetting}).");
    }
}
