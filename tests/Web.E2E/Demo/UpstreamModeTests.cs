using UMeetingReports.Web.Demo;

namespace UMeetingReports.Web.E2E.Demo;

/// <summary>The rule that decides between the demo and the meeting service, case by case, without starting the app.</summary>
public sealed class UpstreamModeTests
{
    private const string Service = "https://api.systeccloud.com";

    [Theory]
    [InlineData(null, null, true, "Demo")]
    [InlineData("", "  ", true, "Demo")]
    [InlineData("Demo", null, true, "Demo")]
    [InlineData("Demo", null, false, "Demo")]
    [InlineData(" demo ", "", false, "Demo")]
    [InlineData(null, Service, false, "Live")]
    [InlineData(null, Service, true, "Live")]
    [InlineData("Live", Service, false, "Live")]
    [InlineData("LIVE", Service, true, "Live")]
    public void Settings_that_agree_decide_the_mode(string? mode, string? baseUrl, bool isDevelopment, string expected)
    {
        // Act
        var decided = UpstreamMode.Decide(mode, baseUrl, isDevelopment);

        // Assert
        Assert.Equal(expected, decided.Name);
        Assert.Equal(expected == "Demo", decided.IsDemo);
    }

    [Theory]
    [InlineData(null, null, false, "Neither UMeeting:BaseUrl nor UMeeting:Mode is set, and outside Development the demo runs only when asked for")]
    [InlineData("", " ", false, "Neither UMeeting:BaseUrl nor UMeeting:Mode is set, and outside Development the demo runs only when asked for")]
    [InlineData("Live", null, true, "UMeeting:Mode is Live but UMeeting:BaseUrl is empty")]
    [InlineData("Live", "", false, "UMeeting:Mode is Live but UMeeting:BaseUrl is empty")]
    [InlineData("Demo", Service, true, "UMeeting:Mode is Demo but UMeeting:BaseUrl is set")]
    [InlineData("Demo", Service, false, "UMeeting:Mode is Demo but UMeeting:BaseUrl is set")]
    [InlineData("Production", Service, false, "UMeeting:Mode 'Production' is not a mode: use Demo")]
    [InlineData("Simulator", null, true, "UMeeting:Mode 'Simulator' is not a mode: use Demo")]
    public void Settings_that_name_no_mode_are_refused_with_a_sentence_naming_them(string? mode, string? baseUrl, bool isDevelopment, string sentence)
    {
        // Act
        var error = Assert.Throws<InvalidOperationException>(() => UpstreamMode.Decide(mode, baseUrl, isDevelopment));

        // Assert
        Assert.StartsWith(sentence, error.Message, StringComparison.Ordinal);
    }
}
