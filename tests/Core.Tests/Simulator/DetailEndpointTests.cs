using System.Globalization;
using System.Net;
using System.Text.Json;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Data;
using Xunit;

namespace UMeetingReports.Core.Tests.Simulator;

/// <summary>The /umeeting/share/detail contract of UPSTREAM.md, over real HTTP, checked against the ground truth.</summary>
public sealed class DetailEndpointTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private static readonly DateOnly OctoberFirst = new(2025, 10, 1);
    private static readonly DateOnly OctoberLast = new(2025, 10, 31);

    private readonly UpstreamTestClient _client = fixture.Client;
    private readonly SimulatorDataset _dataset = fixture.Dataset;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api_secret", "wrong-secret")]
    [InlineData("api_key", "someone-else")]
    [InlineData("api_secret", null)]
    [InlineData("api_key", null)]
    public async Task Refuses_wrong_or_missing_credentials_with_a_non_200_status_in_an_http_200_answer(string field, string? value)
    {
        var form = UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast);
        form = value is null ? form.Without(field) : form.Set(field, value);

        var answer = await _client.PostDetailAsync(form, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(401, answer.Status);
        Assert.Equal("Invalid api_key or api_secret.", answer.Message);
        Assert.Equal(JsonValueKind.Null, answer.Data.ValueKind);
    }

    [Fact]
    public async Task Answers_today_in_pages_of_thirty_when_no_period_or_page_is_given()
    {
        var today = _dataset.MeetingsBetween(SimulatorFixture.Today, SimulatorFixture.Today);

        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials(), Cancel);

        Assert.Equal(200, answer.Status);
        Assert.Equal("OK", answer.Message);
        Assert.Equal("2025-11-28", answer.Text("from"));
        Assert.Equal("2025-11-28", answer.Text("to"));
        Assert.Equal(30, answer.Number("page_size"));
        Assert.Equal(1, answer.Number("page_number"));
        Assert.Equal(today.Count, answer.Number("total_record"));
        Assert.Equal(today.Take(30).Select(meeting => meeting.Uuid), answer.Uuids);
    }

    [Fact]
    public async Task Echoes_from_without_zero_padding_and_to_with_it_and_reads_both_forms()
    {
        var padded = UpstreamForm.WithDemoCredentials().Set("from", "2025-09-05").Set("to", "2025-09-09");
        var unpadded = UpstreamForm.WithDemoCredentials().Set("from", "2025-9-5").Set("to", "2025-9-9");

        var fromPadded = await _client.PostDetailAsync(padded, Cancel);
        var fromUnpadded = await _client.PostDetailAsync(unpadded, Cancel);

        Assert.Equal("2025-9-5", fromPadded.Text("from"));
        Assert.Equal("2025-09-09", fromPadded.Text("to"));
        Assert.Equal(fromPadded.Body, fromUnpadded.Body);
    }

    [Fact]
    public async Task Pages_through_a_month_and_the_pages_join_into_the_ground_truth()
    {
        var truth = _dataset.MeetingsBetween(OctoberFirst, OctoberLast);
        var expectedPages = (truth.Count + 99) / 100;
        var seen = new List<string>();

        for (var page = 1; page <= expectedPages; page++)
        {
            var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Page(100, page), Cancel);

            Assert.Equal(truth.Count, answer.Number("total_record"));
            Assert.Equal(expectedPages, answer.Number("total_page"));
            Assert.Equal(page, answer.Number("page_number"));
            Assert.Equal(page > 1, answer.Flag("has_previous_page"));
            Assert.Equal(page < expectedPages, answer.Flag("has_next_page"));
            seen.AddRange(answer.Uuids);
        }

        Assert.True(expectedPages >= 3, $"October should need several pages of 100, had {truth.Count} meetings.");
        Assert.Equal(truth.Select(meeting => meeting.Uuid), seen);
    }

    [Fact]
    public async Task Answers_a_page_past_the_last_with_no_meetings_and_the_true_totals()
    {
        var truth = _dataset.MeetingsBetween(OctoberFirst, OctoberLast);

        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Page(300, 50), Cancel);

        Assert.Equal(200, answer.Status);
        Assert.Empty(answer.Meetings);
        Assert.Equal(truth.Count, answer.Number("total_record"));
        Assert.Equal((truth.Count + 299) / 300, answer.Number("total_page"));
        Assert.True(answer.Flag("has_previous_page"));
        Assert.False(answer.Flag("has_next_page"));
    }

    [Fact]
    public async Task Filters_by_host_id_before_paging()
    {
        var room = _dataset.Rooms[3];
        var truth = _dataset.MeetingsBetween(OctoberFirst, OctoberLast, room.HostId);

        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Host(room.HostId).Page(10, 2), Cancel);

        Assert.Equal(truth.Count, answer.Number("total_record"));
        Assert.Equal(truth.Skip(10).Take(10).Select(meeting => meeting.Uuid), answer.Uuids);
        Assert.All(answer.Meetings, meeting => Assert.Equal(room.HostId, meeting.GetProperty("host_id").GetString()));
    }

    [Fact]
    public async Task Finds_one_record_by_a_uuid_holding_plus_slash_and_equals()
    {
        var wanted = _dataset.MeetingsBetween(OctoberFirst, OctoberLast).First(meeting => meeting.Uuid.Contains('+', StringComparison.Ordinal) && meeting.Uuid.Contains('/', StringComparison.Ordinal));
        var otherRoom = _dataset.Rooms.First(room => room.HostId != wanted.HostId);

        var found = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Uuid(wanted.Uuid), Cancel);
        var inAnotherRoom = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Uuid(wanted.Uuid).Host(otherRoom.HostId), Cancel);

        Assert.Equal(1, found.Number("total_record"));
        Assert.Equal([wanted.Uuid], found.Uuids);
        Assert.Equal(0, inAnotherRoom.Number("total_record"));
    }

    [Fact]
    public async Task Leaves_the_participant_and_telephony_arrays_out_when_the_flags_are_off()
    {
        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Page(300, 1), Cancel);

        Assert.NotEmpty(answer.Meetings);
        Assert.All(answer.Meetings, meeting =>
        {
            Assert.False(meeting.TryGetProperty("participants", out _));
            Assert.False(meeting.TryGetProperty("telephony_usage", out _));
        });
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("FALSE", false)]
    public async Task Reads_the_show_flags_as_true_false_1_or_0_in_any_case(string written, bool expected)
    {
        var form = UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast)
            .Set("show_participants", written).Set("show_telephony_usage", written);

        var answer = await _client.PostDetailAsync(form, Cancel);

        Assert.Equal(200, answer.Status);
        Assert.All(answer.Meetings, meeting =>
        {
            Assert.Equal(expected, meeting.TryGetProperty("participants", out _));
            Assert.Equal(expected, meeting.TryGetProperty("telephony_usage", out _));
        });
    }

    [Fact]
    public async Task Serves_every_field_participant_and_call_exactly_as_the_ground_truth_holds_them()
    {
        var truth = _dataset.MeetingsBetween(OctoberFirst, OctoberLast).Take(300).ToArray();

        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Page(300, 1).WithParticipantsAndTelephony(), Cancel);

        Assert.Equal(truth.Length, answer.Meetings.Length);
        foreach (var (expected, actual) in truth.Zip(answer.Meetings))
        {
            Assert.Equal(Describe(expected), Describe(actual));
        }

        Assert.Contains(truth, meeting => meeting.Telephony.Count > 0);
        Assert.Contains(truth, meeting => meeting.MeetingId.StartsWith('0'));
    }

    [Fact]
    public async Task Writes_empty_end_and_leave_times_for_meetings_still_running_today()
    {
        var running = _dataset.MeetingsBetween(SimulatorFixture.Today, SimulatorFixture.Today).Where(meeting => meeting.End is null).ToArray();

        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Page(300, 1).WithParticipantsAndTelephony(), Cancel);

        Assert.NotEmpty(running);
        var served = answer.Meetings.Where(meeting => running.Any(truth => truth.Uuid == meeting.GetProperty("uuid").GetString())).ToArray();
        Assert.Equal(running.Length, served.Length);
        Assert.All(served, meeting => Assert.Equal("", meeting.GetProperty("end_time").GetString()));
        Assert.Contains(served.SelectMany(meeting => meeting.GetProperty("participants").EnumerateArray()), person => person.GetProperty("leave_time").GetString() == "");
    }

    [Fact]
    public async Task Cuts_a_period_longer_than_a_month_to_the_month_that_ends_on_to_and_echoes_the_later_from()
    {
        var truth = _dataset.MeetingsBetween(new DateOnly(2025, 9, 16), new DateOnly(2025, 10, 15));

        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(new DateOnly(2025, 8, 1), new DateOnly(2025, 10, 15)), Cancel);

        Assert.Equal(200, answer.Status);
        Assert.Equal("2025-9-16", answer.Text("from"));
        Assert.Equal("2025-10-15", answer.Text("to"));
        Assert.Equal(truth.Count, answer.Number("total_record"));
        Assert.Equal(truth.Take(30).Select(meeting => meeting.Uuid), answer.Uuids);
    }

    [Fact]
    public async Task Never_cuts_a_whole_31_day_calendar_month()
    {
        var answer = await _client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast), Cancel);

        Assert.Equal("2025-10-1", answer.Text("from"));
        Assert.Equal("2025-10-31", answer.Text("to"));
        Assert.Equal(_dataset.MeetingsBetween(OctoberFirst, OctoberLast).Count, answer.Number("total_record"));
    }

    [Fact]
    public async Task Answers_the_whole_period_when_the_one_month_cut_is_switched_off()
    {
        await using var simulator = await RunningSimulator.StartAsync(options => (options.Today, options.OneMonthCut) = (SimulatorFixture.Today, false), Cancel);
        using var client = new UpstreamTestClient(simulator.BaseAddress);
        var from = new DateOnly(2025, 8, 1);

        var answer = await client.PostDetailAsync(UpstreamForm.WithDemoCredentials().Period(from, OctoberLast), Cancel);

        Assert.Equal("2025-8-1", answer.Text("from"));
        Assert.Equal(simulator.Dataset.MeetingsBetween(from, OctoberLast).Count, answer.Number("total_record"));
    }

    [Theory]
    [InlineData("from", "2025-13-01", "Invalid from '2025-13-01'")]
    [InlineData("to", "2025/10/01", "Invalid to '2025/10/01'")]
    [InlineData("from", "2025-12-01", "from 2025-12-01 is after to 2025-10-31")]
    [InlineData("page_size", "301", "Invalid page_size '301': expected a whole number from 1 to 300")]
    [InlineData("page_size", "0", "Invalid page_size '0'")]
    [InlineData("page_number", "-1", "Invalid page_number '-1'")]
    [InlineData("page_number", "two", "Invalid page_number 'two'")]
    [InlineData("show_participants", "yes", "Invalid show_participants 'yes'")]
    public async Task Refuses_an_unusable_parameter_with_status_400_and_a_message_naming_it(string field, string value, string named)
    {
        var form = UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Set(field, value);

        var answer = await _client.PostDetailAsync(form, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(400, answer.Status);
        Assert.Contains(named, answer.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, answer.Data.ValueKind);
    }

    [Fact]
    public async Task Answers_a_GET_with_the_parameters_in_the_query_string_like_the_POST()
    {
        var form = UpstreamForm.WithDemoCredentials().Period(OctoberFirst, OctoberLast).Page(50, 2).WithParticipantsAndTelephony();

        var posted = await _client.PostDetailAsync(form, Cancel);
        var got = await _client.GetAsync(UpstreamTestClient.DetailPath, form, Cancel);

        Assert.Equal(200, got.Status);
        Assert.Equal(posted.Body, got.Body);
    }

    /// <summary>Every field of a meeting as the wire should carry it, so one comparison shows any difference.</summary>
    private static string Describe(SimulatedMeeting meeting) => string.Join('|',
        meeting.Uuid, meeting.HostId, meeting.MeetingId, meeting.Topic, Time(meeting.Start),
        meeting.Duration.ToString(CultureInfo.InvariantCulture), Time(meeting.End), meeting.IsExtra ? "1" : "0",
        string.Join(';', meeting.Participants.Select(person => $"{person.Name},{Time(person.JoinTime)},{Time(person.LeaveTime)}")),
        string.Join(';', meeting.Telephony.Select(call =>
            $"{call.PhoneNumber},{call.Type},{Time(call.StartTime)},{Time(call.EndTime)},{call.Duration},{call.Total.ToString("0.00", CultureInfo.InvariantCulture)}")));

    private static string Describe(JsonElement meeting) => string.Join('|',
        meeting.GetProperty("uuid").GetString(), meeting.GetProperty("host_id").GetString(), meeting.GetProperty("meeting_id").GetString(),
        meeting.GetProperty("topic").GetString(), meeting.GetProperty("start_time").GetString(),
        meeting.GetProperty("duration").GetRawText(), meeting.GetProperty("end_time").GetString(), meeting.GetProperty("is_extra").GetRawText(),
        string.Join(';', meeting.GetProperty("participants").EnumerateArray().Select(person =>
            $"{person.GetProperty("name").GetString()},{person.GetProperty("join_time").GetString()},{person.GetProperty("leave_time").GetString()}")),
        string.Join(';', meeting.GetProperty("telephony_usage").EnumerateArray().Select(call =>
            $"{call.GetProperty("phone_number").GetString()},{call.GetProperty("type").GetString()},{call.GetProperty("start_time").GetString()},{call.GetProperty("end_time").GetString()},{call.GetProperty("duration").GetRawText()},{call.GetProperty("total").GetRawText()}")));

    private static string Time(DateTime? value) => value?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    [Fact]
    public async Task A_body_that_claims_to_be_a_form_but_is_not_gets_a_bad_parameter_envelope_not_a_server_error()
    {
        using var http = new HttpClient { BaseAddress = fixture.Simulator.BaseAddress };
        // More fields than ASP.NET Core reads from one form (1,024): the form reader gives up on it.
        using var body = new StringContent(
            string.Join('&', Enumerable.Range(0, 1_100).Select(index => $"f{index}=1")),
            System.Text.Encoding.UTF8,
            "application/x-www-form-urlencoded");

        using var response = await http.PostAsync(new Uri("umeeting/share/detail", UriKind.Relative), body, TestContext.Current.CancellationToken);
        using var envelope = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, envelope.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The request body is not a readable HTML form.", envelope.RootElement.GetProperty("message").GetString());
    }
}
