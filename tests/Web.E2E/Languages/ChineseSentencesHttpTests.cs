using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// A sentence made of figures and words reads as one sentence of the reader's language, its punctuation included: a
/// Chinese sentence separates its clauses with "，", not with an English comma left between two translated words.
/// </summary>
public sealed class ChineseSentencesHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
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
}
