using UMeetingReports.Core.Health;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator.Faults;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>
/// The credentials travel in the form body and nowhere else: not in a log line (Debug and up, exceptions
/// included), an exception's message, a failure's description or a readiness reason — whatever the upstream does.
/// </summary>
public sealed class SecretsStayOutTests
{
    private const string Key = "key-7Qx9Lm2Tz";
    private const string Secret = "secret-Hv3Kp8Wd4Rn";
    private const string Paused = "paused by the circuit breaker";
    private const string QuotedBack = "refused, quoting the credentials";

    private static readonly MeetingQuery TwoMonths = new(new DatePeriod(new(2025, 4, 10), new(2025, 5, 20)), ShowParticipants: true, ShowTelephonyUsage: true);

    public static TheoryData<string> Runs => ["no fault", .. Enum.GetNames<FaultKind>(), Paused, QuotedBack];

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Keeps_the_api_key_and_secret_out_of_every_log_line_and_message(string run)
    {
        await using var sim = await SharedSimulator.StartSmallAsync(options => (options.ApiKey, options.ApiSecret) = (Key, Secret));
        Program(sim.Faults, run);
        await using var core = CoreHarness.Create(sim.BaseAddress, new Dictionary<string, string?>
        {
            ["UMeeting:ApiKey"] = Key,
            ["UMeeting:ApiSecret"] = Secret,
            ["UMeeting:AttemptTimeout"] = "00:00:01",
            ["UMeeting:TotalTimeout"] = "00:00:02",
            ["UMeeting:BreakerMinimumThroughput"] = run == Paused ? "2" : "20",
        });
        var texts = new List<string>();

        var page = await core.Reader.GetPageAsync(TwoMonths, 30, 1, TestContext.Current.CancellationToken);
        texts.Add(page.Failure?.Describe() ?? "");
        texts.Add(page.Failure?.ToString() ?? "");
        try
        {
            await foreach (var meeting in core.Reader.EnumerateAsync(TwoMonths, progress: null, TestContext.Current.CancellationToken))
            {
                texts.Add(meeting.Topic);
            }
        }
        catch (UpstreamException exception)
        {
            texts.Add(exception.ToString());
        }

        var rooms = await core.Rooms.GetRoomsAsync(TestContext.Current.CancellationToken);
        var readiness = await core.Get<IUpstreamReadiness>().CheckAsync(TestContext.Current.CancellationToken);
        texts.Add(readiness.Reason);
        texts.AddRange(core.Logs.Lines);

        Assert.True(sim.Requests.Count > 0 && core.Logs.Lines.Count > 0, "the run did not reach the upstream or log anything");
        Assert.True(run != "no fault" || (page.Succeeded && rooms.IsKnown && readiness.IsHealthy), "the run without a fault did not succeed");
        Assert.True(run != Paused || readiness.Reason.Contains("it is unavailable (it failed repeatedly", StringComparison.Ordinal), "the circuit breaker did not open");
        Assert.DoesNotContain(texts, text => text.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains("api_secret=", StringComparison.OrdinalIgnoreCase));
    }

    private static void Program(SimulatorFaults faults, string run)
    {
        switch (run)
        {
            case "no fault":
                break;
            case Paused:
                faults.Add(new FaultRule(FaultKind.ServerError));
                break;
            case QuotedBack:
                // Both endpoints: the reader and the room directory each quote the refusal's message.
                faults.Add(new FaultRule(
                    FaultKind.Rejected,
                    Status: 401,
                    Message: $"api_key {Key} with api_secret {Secret} is not valid"));
                break;
            default:
                var kind = Enum.Parse<FaultKind>(run);
                faults.Add(new FaultRule(
                    kind,
                    // Two time-outs are enough to see one logged; more would only make the run slower.
                    Times: kind == FaultKind.Timeout ? 2 : int.MaxValue,
                    Delay: kind == FaultKind.Latency ? TimeSpan.FromMilliseconds(50) : null,
                    RetryAfterSeconds: kind == FaultKind.TooManyRequests ? 0 : null));
                break;
        }
    }
}
