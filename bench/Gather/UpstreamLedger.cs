using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Gather.Bench;

/// <summary>
/// What a gathering of the period needs at least, from the simulator's ground truth, and what it really asked,
/// from the simulator's request log.
/// </summary>
internal sealed class UpstreamLedger
{
    private readonly RunningSimulator _simulator;

    public UpstreamLedger(RunningSimulator simulator, DatePeriod period, int maxPageSize)
    {
        _simulator = simulator;
        Windows = period.SplitIntoMonthWindows();
        var records = Windows.Select(window => simulator.Dataset.MeetingsBetween(window.From, window.To).Count).ToArray();
        Meetings = records.Sum();

        // An empty window still costs the one request that says it is empty.
        MinimumRequests = records.Sum(count => Math.Max(1, (count + maxPageSize - 1) / maxPageSize));
    }

    public IReadOnlyList<DatePeriod> Windows { get; }

    public int Meetings { get; }

    public int MinimumRequests { get; }

    /// <summary>⌈requests ÷ per round⌉ × round: the wall time if every round of parallel calls took exactly one latency.</summary>
    public static long LimitMilliseconds(int requests, int perRound, int roundMilliseconds) =>
        (long)Math.Ceiling(requests / (double)perRound) * roundMilliseconds;

    public void Clear() => _simulator.Requests.Clear();

    /// <summary>The requests since <see cref="Clear"/>: detail pages, room lists, and detail pages asked more than once.</summary>
    public Tally Count()
    {
        var requests = _simulator.Requests.Snapshot();
        if (requests.Count < _simulator.Requests.Count)
        {
            throw new InvalidOperationException(
                $"The simulator kept the last {SimulatorRequestLog.Capacity} requests of {_simulator.Requests.Count}: too many to check for repeats.");
        }

        // Every parameter of a request but the moment it came: the same key twice is the same page fetched twice.
        var detail = requests.Where(request => request.Path == "/umeeting/share/detail")
            .Select(request => request with { ReceivedAt = default })
            .ToArray();
        var repeated = detail.Length - detail.Distinct().Count();
        return new Tally(detail.Length, requests.Count - detail.Length, repeated, detail);
    }
}

internal readonly record struct Tally(int Requests, int RoomsRequests, int Repeated, IReadOnlyList<SimulatorRequest> Detail);
