using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// Words as a reader of either language reads them: a sentence made of figures and words is one sentence of the
/// language, its punctuation included (a Chinese sentence separates its clauses with "，", not with an English comma
/// left between two translated words), and two different counts never share one name on a page.
/// </summary>
public sealed class WordingHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    [Theory]
    [InlineData("zh-CN", "出现于 {0}，持续至 {1}")]
    [InlineData("en", "reached at {0}, held until {1}")]
    public async Task A_meetings_peak_says_when_it_was_reached_and_until_when_in_one_sentence(string language, string sentence)
    {
        Session.Headers.AcceptLanguage.ParseAdd(language);
        var meeting = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31)).First(meeting => meeting.End is not null && meeting.Participants.Count > 1);

        var (_, html) = await Session.GetPageAsync($"/meeting?uuid={Uri.EscapeDataString(meeting.Uuid)}&from=2025-05-01&to=2025-05-31");

        var note = System.Text.RegularExpressions.Regex.Replace(Hooks.Texts(html, "meeting-figures")[0], @"\s+", " ");
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, Hooks.Text(html, "peak-at"), Hooks.Text(html, "peak-until")), note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "入会次数", "参会人数")]
    [InlineData("en", "Joins", "People")]
    public async Task Joins_and_the_people_of_each_meeting_have_names_of_their_own_on_the_meetings_list(string language, string joins, string people)
    {
        Session.Headers.AcceptLanguage.ParseAdd(language);

        var (_, html) = await Session.GetPageAsync("/meetings?from=2025-05-12&to=2025-05-12&show_participants=true");

        var kpi = System.Text.RegularExpressions.Regex.Match(html, @"<dt>(?<label>[^<]*)</dt>\s*<dd>\s*<span[^>]*data-testid=""kpi-participants""");
        Assert.Equal(joins, kpi.Groups["label"].Value.Trim());
        Assert.StartsWith(people, Hooks.Texts(html, "column-participants")[0], StringComparison.Ordinal);
    }
}
