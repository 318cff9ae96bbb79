using System.Diagnostics;
using System.Globalization;
using UMeetingReports.Simulator;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Gather.Bench;

/// <summary>
/// The same upstream requests as a gathering made, sent by a plain HttpClient at the same concurrency with the
/// answers read but not parsed: what the upstream and the transport cost without Core. The gathering's time
/// above this is Core's own (parsing, checking, caching, scheduling).
/// </summary>
internal static class UpstreamAlone
{
    public static async Task<(long Milliseconds, long Bytes)> FetchAsync(
        RunningSimulator simulator, IReadOnlyList<SimulatorRequest> requests, int concurrency, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = simulator.BaseAddress };
        var bytes = 0L;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (request, token) =>
            {
                using var form = new FormUrlEncodedContent(Form(request));
                using var response = await client.PostAsync(new Uri("umeeting/share/detail", UriKind.Relative), form, token);
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsByteArrayAsync(token);
                Interlocked.Add(ref bytes, body.Length);
            });
        watch.Stop();
        return (watch.ElapsedMilliseconds, bytes);
    }

    private static Dictionary<string, string> Form(SimulatorRequest request) => new(StringComparer.Ordinal)
    {
        ["api_key"] = "demo",
        ["api_secret"] = "demo-secret",
        ["from"] = request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["to"] = request.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["show_participants"] = request.ShowParticipants ? "true" : "false",
        ["show_telephony_usage"] = request.ShowTelephonyUsage ? "true" : "false",
        ["page_size"] = request.PageSize.ToString(CultureInfo.InvariantCulture),
        ["page_number"] = request.PageNumber.ToString(CultureInfo.InvariantCulture),
    };
}
