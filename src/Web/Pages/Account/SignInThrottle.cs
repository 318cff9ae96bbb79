using System.Net;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// Counts failed sign-ins per user name and per client address in a sliding window (Auth:MaxFailedSignIns in
/// Auth:FailedSignInWindow), in memory: enough for one instance, and a restart forgets nothing that matters.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock, IOptions<AuthOptions> options)
{
    // A flood of invented user names must not grow the table without bound: past this, expired entries are swept.
    private const int SweepThreshold = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long until another attempt is allowed, or null when one is allowed now.</summary>
    public TimeSpan? RetryAfter(string userName, IPAddress? client)
    {
        var now = clock.GetUtcNow();
        var window = options.Value.FailedSignInWindow;
        TimeSpan? wait = null;
        lock (_gate)
        {
            foreach (var key in KeysOf(userName, client))
            {
                if (_failures.TryGetValue(key, out var times) && Prune(times, now - window) >= options.Value.MaxFailedSignIns)
                {
                    var until = times.Peek() + window - now;
                    wait = wait is { } longest && longest > until ? longest : until;
                }
            }
        }

        return wait;
    }

    public void RecordFailure(string userName, IPAddress? client)
    {
        var now = clock.GetUtcNow();
        var since = now - options.Value.FailedSignInWindow;
        lock (_gate)
        {
            if (_failures.Count > SweepThreshold)
            {
                foreach (var expired in _failures.Where(entry => Prune(entry.Value, since) == 0).Select(entry => entry.Key).ToList())
                {
                    _failures.Remove(expired);
                }
            }

            foreach (var key in KeysOf(userName, client))
            {
                if (!_failures.TryGetValue(key, out var times))
                {
                    times = new Queue<DateTimeOffset>();
                    _failures[key] = times;
                }

                Prune(times, since);
                times.Enqueue(now);
            }
        }
    }

    /// <summary>A correct password clears the name's count; the address keeps its own, shared by everyone behind it.</summary>
    public void RecordSuccess(string userName)
    {
        lock (_gate)
        {
            _failures.Remove(UserKey(userName));
        }
    }

    private static int Prune(Queue<DateTimeOffset> times, DateTimeOffset since)
    {
        while (times.Count > 0 && times.Peek() <= since)
        {
            times.Dequeue();
        }

        return times.Count;
    }

    private static string[] KeysOf(string userName, IPAddress? client) =>
        [UserKey(userName), AddressKey(client)];

    // The same IPv4 client can arrive as ::ffff:a.b.c.d on a dual-stack socket.
    private static string AddressKey(IPAddress? client) =>
        "ip:" + (client is null ? "unknown" : (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString());

    private static string UserKey(string userName) => "user:" + userName.Trim().ToUpperInvariant();
}
