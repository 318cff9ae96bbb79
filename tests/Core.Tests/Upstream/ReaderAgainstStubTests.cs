using System.Net;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>Behaviour that needs an upstream the simulator does not imitate: one that ignores uuid, or answers off-contract.</summary>
public sealed class ReaderAgainstStubTests
{
    private static readonly DateOnly Day = new(2025, 3, 4);
    private static readonly MeetingQuery OneDay = new(new DatePeriod(Day, Day));

    [Theory]
    [InlineData("http://upstream.test/demo-upstream/")]
    [InlineData("http://upstream.test/demo-upstream")]
    public async Task Posts_an_html_form_with_the_credentials_in_the_body_and_never_in_the_url(string baseAddress)
    {
        var upstream = StubUpstream.Json(DetailAnswer.For("2025-3-4", "2025-3-4").Page(1, 50).ToJson());
        await using var core = CoreHarness.Create(new Uri(baseAddress), upstream: upstream);
        var query = OneDay with { HostId = "ROOM-A", ShowParticipants = true };

        var result = await core.Reader.GetPageAsync(query, 50, 1, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        var request = Assert.Single(upstream.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/demo-upstream/umeeting/share/detail", request.Path);
        Assert.Empty(request.Uri.Query);
        Assert.DoesNotContain(CoreHarness.ApiSecret, request.Uri.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["api_key"] = CoreHarness.ApiKey,
                ["api_secret"] = CoreHarness.ApiSecret,
                ["from"] = "2025-03-04",
                ["to"] = "2025-03-04",
                ["host_id"] = "ROOM-A",
                ["show_participants"] = "true",
                ["show_telephony_usage"] = "false",
                ["page_size"] = "50",
                ["page_number"] = "1",
            },
            request.Form);
    }

    [Fact]
    public async Task Filters_by_record_id_itself_when_the_upstream_ignores_it()
    {
        var meetings = new[] { MeetingJson.A(uuid: "first=="), MeetingJson.A(uuid: "wanted+/=="), MeetingJson.A(uuid: "third==") };
        var upstream = StubUpstream.Json(DetailAnswer.For("2025-3-4", "2025-3-4").Page(1, 300).Holding(meetings).ToJson());
        await using var core = CoreHarness.Stubbed(upstream);

        var result = await core.Reader.GetPageAsync(OneDay with { Uuid = "wanted+/==" }, 30, 1, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Failure?.Describe());
        Assert.Equal("wanted+/==", Assert.Single(result.Value.Meetings).Uuid);
        Assert.Equal((1, 1), (result.Value.TotalRecord, result.Value.TotalPage));
        Assert.Equal("wanted+/==", Assert.Single(upstream.Requests).Field("uuid"));
    }

    [Fact]
    public async Task Reads_a_refusal_envelope_even_when_it_comes_with_an_http_error_code()
    {
        var upstream = new StubUpstream(_ => StubUpstream.JsonResponse(DetailAnswer.Refused(401, "api_key or api_secret is wrong").ToJson(), HttpStatusCode.Unauthorized));
        await using var core = CoreHarness.Stubbed(upstream);

        var result = await core.Reader.GetPageAsync(OneDay, 30, 1, TestContext.Current.CancellationToken);

        var rejected = Assert.IsType<UpstreamRejected>(result.Failure);
        Assert.Equal((401, "api_key or api_secret is wrong"), (rejected.Status, rejected.Message));
    }

    [Fact]
    public async Task Never_repeats_the_secret_should_the_upstream_quote_it_in_its_message()
    {
        var upstream = StubUpstream.Json(DetailAnswer.Refused(403, $"secret {CoreHarness.ApiSecret} is not valid").ToJson());
        await using var core = CoreHarness.Stubbed(upstream);

        var result = await core.Reader.GetPageAsync(OneDay, 30, 1, TestContext.Current.CancellationToken);

        Assert.Equal(UpstreamFailureKind.Rejected, result.Failure?.Kind);
        Assert.DoesNotContain(CoreHarness.ApiSecret, result.Failure!.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain(core.Logs.Lines, line => line.Contains(CoreHarness.ApiSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Treats_a_time_that_is_not_in_the_documented_format_as_an_unusable_answer()
    {
        var upstream = StubUpstream.Json(DetailAnswer.For("2025-3-4", "2025-3-4").Holding(MeetingJson.A().With("start_time", "04/03/2025 9:30")).ToJson());
        await using var core = CoreHarness.Stubbed(upstream);

        var result = await core.Reader.GetPageAsync(OneDay, 30, 1, TestContext.Current.CancellationToken);

        var unreachable = Assert.IsType<UpstreamUnreachable>(result.Failure);
        Assert.Contains("start_time", unreachable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_pages_smaller_than_asked_rather_than_misplace_every_later_record()
    {
        var upstream = StubUpstream.Json(DetailAnswer.For("2025-3-4", "2025-3-4").Page(1, 100).TotalRecord(250).ToJson());
        await using var core = CoreHarness.Stubbed(upstream);

        var result = await core.Reader.GetPageAsync(OneDay, 300, 1, TestContext.Current.CancellationToken);

        var unreachable = Assert.IsType<UpstreamUnreachable>(result.Failure);
        Assert.Contains("UMeeting:MaxPageSize", unreachable.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 1)]
    [InlineData(301, 1)]
    [InlineData(30, 0)]
    public async Task Rejects_a_page_size_outside_10_to_the_maximum_or_a_page_number_below_1(int pageSize, int pageNumber)
    {
        var upstream = StubUpstream.Json(DetailAnswer.For("2025-3-4", "2025-3-4").ToJson());
        await using var core = CoreHarness.Stubbed(upstream);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => core.Reader.GetPageAsync(OneDay, pageSize, pageNumber, TestContext.Current.CancellationToken));
        Assert.Empty(upstream.Requests);
    }
}
