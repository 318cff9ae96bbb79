using System.Globalization;
using UMeetingReports.Core.Reports;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// Names and rooms sorted A to Z follow the reader's language: in Chinese by their pinyin, Chinese before Latin (陈静
/// "chen", 张伟 "zhang", then Alice Chen; 北京 "bei", 上海 "shang", 深圳 "shen"), in English Latin first and Chinese
/// after it by code point (张 U+5F20 before 陈 U+9648; 上 U+4E0A before 北 U+5317).
/// </summary>
public sealed class TextOrderHttpTests(MeetingReportsServer server) : SignedInHttpTest<MeetingReportsServer>(server)
{
    private const string May = "from=2025-05-01&to=2025-05-31";

    [Theory]
    [InlineData("zh-CN", new[] { "陈静", "张伟", "Alice Chen" })]
    [InlineData("en", new[] { "Alice Chen", "张伟", "陈静" })]
    public async Task Participants_by_name_are_in_the_readers_order(string language, string[] expected)
    {
        Session.Headers.AcceptLanguage.ParseAdd(language);

        var (_, html) = await Session.GetPageAsync($"/participants?{May}&sort=name&dir=asc&page_size=300");

        Assert.Equal(expected, InPageOrder(Hooks.Texts(html, "participant-name"), expected));
    }

    [Theory]
    [InlineData("zh-CN", new[] { "北京-望京 12F 会议室A", "上海-浦东 3F 小会议室", "深圳-大会议室", "Beijing Board Room" })]
    [InlineData("en", new[] { "Beijing Board Room", "上海-浦东 3F 小会议室", "北京-望京 12F 会议室A", "深圳-大会议室" })]
    public async Task Rooms_by_name_are_in_the_readers_order(string language, string[] expected)
    {
        Session.Headers.AcceptLanguage.ParseAdd(language);

        var (_, html) = await Session.GetPageAsync($"/rooms?{May}&sort=room&dir=asc");

        Assert.Equal(expected, InPageOrder(Hooks.Texts(html, "room-name").Select(FirstLine).ToList(), expected));
    }

    [Theory]
    [InlineData("zh-CN", "北京-望京 12F 会议室A")]
    [InlineData("en", "Beijing Board Room")]
    public async Task Meetings_by_room_begin_with_the_first_room_in_the_readers_order(string language, string first)
    {
        Session.Headers.AcceptLanguage.ParseAdd(language);

        var (_, html) = await Session.GetPageAsync($"/meetings?{May}&sort=room&dir=asc");

        Assert.Equal(first, Hooks.Texts(html, "meeting-room")[0]);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Meetings_by_topic_are_in_the_readers_order_across_the_whole_period(string language)
    {
        Session.Headers.AcceptLanguage.ParseAdd(language);
        var order = TextOrder.For(CultureInfo.GetCultureInfo(language));
        var expected = Dataset.MeetingsBetween(new(2025, 5, 1), new(2025, 5, 31))
            .OrderBy(meeting => meeting.Topic, order).ThenBy(meeting => meeting.Uuid, StringComparer.Ordinal)
            .Select(meeting => meeting.Uuid).ToList();

        var listed = new List<string>();
        for (var page = 1; listed.Count < expected.Count; page++)
        {
            var (_, html) = await Session.GetPageAsync($"/meetings?{May}&sort=topic&dir=asc&page_size=300&page_number={page}");
            var uuids = Hooks.Rows(html, "meeting-row").Select(Hooks.RowUuid).ToList();
            Assert.NotEmpty(uuids);
            listed.AddRange(uuids);
        }

        Assert.Equal(expected, listed);
    }

    /// <summary>The <paramref name="wanted"/> texts in the order the page lists them; each must be there.</summary>
    private static List<string> InPageOrder(IReadOnlyList<string> listed, IEnumerable<string> wanted)
    {
        var positions = wanted.Select(text => (Text: text, At: listed.ToList().IndexOf(text))).ToList();
        Assert.All(positions, position => Assert.True(position.At >= 0, $"“{position.Text}” is not listed: {string.Join(" | ", listed)}"));
        return [.. positions.OrderBy(position => position.At).Select(position => position.Text)];
    }

    /// <summary>A room cell holds its name, and its host id beneath it.</summary>
    private static string FirstLine(string cell) => cell.Split('\n')[0].Trim();
}
