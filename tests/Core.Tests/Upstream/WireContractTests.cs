using System.Text.Json.Nodes;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Core.Upstream.Wire;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>The documented answer, read through the real Refit client and JSON metadata.</summary>
public sealed class WireContractTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly UpstreamZone ShanghaiZone = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), TimeProvider.System);

    [Fact]
    public async Task Reads_the_documents_sample_answer_field_for_field()
    {
        var upstream = StubUpstream.Json(Fixtures.Read("detail-seed-sample.json"));
        await using var core = CoreHarness.Stubbed(upstream);
        var api = core.Get<IUMeetingApi>();

        using var response = await api.GetDetailAsync(new Dictionary<string, string>(), TestContext.Current.CancellationToken);
        var envelope = response.Content!;
        var data = envelope.Data!;
        var meeting = Assert.Single(WireMapper.ToMeetings(data.Meetings, core.Zone));

        Assert.Equal((200, "OK"), (envelope.Status, envelope.Message));
        Assert.Equal(new DatePeriod(new(2017, 8, 31), new(2017, 9, 1)), WireMapper.ReadEcho(data));
        Assert.Equal((1, 1, 1, 30, false, false), (data.TotalRecord, data.TotalPage, data.PageNumber, data.PageSize, data.HasPreviousPage, data.HasNextPage));
        Assert.Equal("dgvOvqWVRUWjrEOS2YI2ig==", meeting.Uuid);
        Assert.Equal("ABCDEFGHIJKLMNOPQRSTUVWXYZ", meeting.HostId);
        Assert.Equal("1790001234", meeting.MeetingId);
        Assert.Equal("Hello world!", meeting.Topic);
        Assert.Equal(new DateTimeOffset(2017, 8, 31, 0, 0, 0, Beijing), meeting.Start);
        Assert.Equal(Beijing, meeting.Start.Offset);
        Assert.Equal(120, meeting.ScheduledMinutes);
        Assert.Equal(new DateTimeOffset(2017, 8, 31, 1, 0, 0, Beijing), meeting.End);
        Assert.Equal(60, meeting.ActualMinutes);
        Assert.False(meeting.IsExtra);
        var participant = Assert.Single(meeting.Participants);
        Assert.Equal(
            new Participant("XYZ", new DateTimeOffset(2017, 8, 31, 0, 51, 0, Beijing), new DateTimeOffset(2017, 8, 31, 0, 53, 4, Beijing)),
            participant);
        var call = Assert.Single(meeting.Telephony);
        Assert.Equal(
            new TelephonyCall("+8613716819201", "call-out", new DateTimeOffset(2017, 8, 31, 0, 51, 0, Beijing), new DateTimeOffset(2017, 8, 31, 0, 53, 0, Beijing), 2, 0.12m),
            call);
    }

    [Theory]
    [InlineData("2017-8-31", 2017, 8, 31)]
    [InlineData("2017-09-01", 2017, 9, 1)]
    [InlineData("2025-1-5", 2025, 1, 5)]
    public void Reads_echoed_dates_with_or_without_zero_padding(string text, int year, int month, int day)
    {
        Assert.True(WireMapper.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2025-03-04 09:30:05", 9, 30, 5)]
    [InlineData(" 2025-03-04 09:30:05 ", 9, 30, 5)]
    [InlineData("2025-3-4 9:30:5", 9, 30, 5)]
    [InlineData("2025-03-04 09:30", 9, 30, 0)]
    [InlineData("2025-03-04 23:59:59", 23, 59, 59)]
    public void Reads_times_padded_or_not_with_or_without_seconds_in_the_upstreams_zone(string text, int hour, int minute, int second)
    {
        var meeting = WireMapper.ToMeeting(new WireMeeting { Uuid = "u", HostId = "h", StartTime = text }, ShanghaiZone);

        Assert.Equal(new DateTimeOffset(2025, 3, 4, hour, minute, second, Beijing), meeting.Start);
    }

    [Theory]
    [InlineData("2025-02-29 09:30:05")]
    [InlineData("2025-13-04 09:30:05")]
    [InlineData("2025-03-04 24:30:05")]
    [InlineData("2025-03-04 09:60:05")]
    [InlineData("2025-03-04T09:30:05")]
    [InlineData("2025-03-04 09:30:0x")]
    [InlineData("0000-03-04 09:30:05")]
    public void Refuses_a_time_that_is_no_wall_clock_time_of_that_form(string text)
    {
        var refused = Assert.Throws<WireFormatException>(() => WireMapper.ToMeeting(new WireMeeting { Uuid = "u", HostId = "h", StartTime = text }, ShanghaiZone));

        Assert.Equal("start_time was not a yyyy-MM-dd HH:mm:ss time", refused.Message);
    }

    [Fact]
    public async Task Reads_an_empty_end_time_as_still_running_and_an_empty_leave_time_as_still_connected()
    {
        var running = MeetingJson.A(start: "2025-03-04 09:30:00")
            .With("end_time", "")
            .WithParticipant("Li Lei", "2025-03-04 09:31:00", "")
            .WithParticipant("Han Meimei", "2025-03-04 09:32:00", null);

        var meeting = await ReadOneAsync(running);

        Assert.True(meeting.IsRunning);
        Assert.Null(meeting.ActualMinutes);
        Assert.All(meeting.Participants, participant => Assert.True(participant.IsConnected));
    }

    [Fact]
    public async Task Reads_absent_null_and_empty_lists_as_empty()
    {
        var absent = MeetingJson.A(uuid: "a");
        var nulls = MeetingJson.A(uuid: "n").With("participants", null).With("telephony_usage", null);
        var empty = MeetingJson.A(uuid: "e").With("participants", new JsonArray()).With("telephony_usage", new JsonArray());

        var meetings = await ReadAsync(DetailAnswer.For("2025-3-4", "2025-3-4").Holding(absent, nulls, empty));
        var noArray = await ReadAsync(DetailAnswer.For("2025-3-4", "2025-3-4").WithoutMeetingsArray());

        Assert.Equal(3, meetings.Count);
        Assert.All(meetings, meeting => Assert.Empty(meeting.Participants));
        Assert.All(meetings, meeting => Assert.Empty(meeting.Telephony));
        Assert.Empty(noArray);
    }

    [Fact]
    public async Task Reads_money_as_exact_decimals()
    {
        var meeting = MeetingJson.A()
            .WithCall("+8613716819201", "call-out", "2025-03-04 09:31:00", "2025-03-04 09:33:00", 2, JsonValue.Create(0.12m))
            .WithCall("+8613716819202", "call-in", "2025-03-04 09:31:00", "2025-03-04 09:32:00", 1, JsonNode.Parse("0.1")!)
            .WithCall("+8613716819203", "call-in", "2025-03-04 09:31:00", "2025-03-04 09:32:00", 1, JsonNode.Parse("0.2")!)
            .WithCall("+8613716819204", "call-out", "2025-03-04 09:31:00", null, 1, "1234567.89");

        var read = await ReadOneAsync(meeting);

        Assert.Equal([0.12m, 0.1m, 0.2m, 1234567.89m], read.Telephony.Select(call => call.Cost));
        Assert.Equal("0.12", read.Telephony[0].Cost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1234568.31m, read.TelephonyCost);
        Assert.Null(read.Telephony[3].EndTime);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"1\"", true)]
    public async Task Reads_is_extra_as_zero_or_one_and_tolerates_booleans(string json, bool expected)
    {
        var meeting = await ReadOneAsync(MeetingJson.A().With("is_extra", JsonNode.Parse(json)));

        Assert.Equal(expected, meeting.IsExtra);
    }

    [Fact]
    public async Task Keeps_hostile_text_and_uuids_exactly_as_sent()
    {
        const string topic = "<script>alert(1)</script> =HYPERLINK(\"x\") 会议 🎉";
        var meeting = await ReadOneAsync(MeetingJson.A(uuid: "a+b/c==").With("topic", topic).With("meeting_id", 1790001234L));

        Assert.Equal(("a+b/c==", topic, "1790001234"), (meeting.Uuid, meeting.Topic, meeting.MeetingId));
    }

    private static async Task<Meeting> ReadOneAsync(MeetingJson meeting) =>
        Assert.Single(await ReadAsync(DetailAnswer.For("2025-3-4", "2025-3-4").Holding(meeting)));

    /// <summary>Reads a one-day answer through the whole reader: HTTP, JSON, echo check and mapping.</summary>
    private static async Task<IReadOnlyList<Meeting>> ReadAsync(DetailAnswer answer)
    {
        var upstream = StubUpstream.Json(answer.ToJson());
        await using var core = CoreHarness.Stubbed(upstream);
        var day = new DateOnly(2025, 3, 4);

        var result = await core.Reader.GetPageAsync(new MeetingQuery(new DatePeriod(day, day)), 30, 1, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        return result.Value.Meetings;
    }
}
