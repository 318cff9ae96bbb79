using System.Net;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Instances;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// Counts sign-in attempts in the archive's database (<see cref="ISignInCounters"/>), so that every instance counts
/// into the same figures and parallel attempts cannot pass a limit together: an attempt takes its place under each key
/// before its password is checked, and a right password gives its places back. Three keys, each with
/// Auth:MaxFailedSignIns in Auth:FailedSignInWindow:
/// the user name from one address and the address alone are strict (refused until the window ends); the user name
/// from anywhere only slows down to one check per Auth:SlowedSignInInterval, so that a stranger who knows a name
/// cannot keep its owner out.
/// </summary>
internal sealed class SignInThrottle(ISignInCounters counters, IOptions<AuthOptions> options)
{
    /// <summary>Takes the attempt's places; null when its password may be checked, or how long until one may be.</summary>
    public async Task<TimeSpan?> TryEnterAsync(string userName, IPAddress? client, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        List<string> taken = [];
        foreach (var (key, slowTo) in KeysOf(userName, client, settings))
        {
            if (await counters.TryCountAsync(key, settings.MaxFailedSignIns, settings.FailedSignInWindow, slowTo, cancellationToken).ConfigureAwait(false) is { } wait)
            {
                // Not checked, so not a failure under the keys it had already been counted under.
                foreach (var counted in taken)
                {
                    await counters.UncountAsync(counted, cancellationToken).ConfigureAwait(false);
                }

                return wait;
            }

            taken.Add(key);
        }

        return null;
    }

    /// <summary>
    /// A right password clears the name's counts; the address keeps its own (shared by everyone behind it) but gets this
    /// attempt's place back.
    /// </summary>
    public async Task SucceededAsync(string userName, IPAddress? client, CancellationToken cancellationToken)
    {
        await counters.ClearAsync(PairKey(userName, client), cancellationToken).ConfigureAwait(false);
        await counters.ClearAsync(UserKey(userName), cancellationToken).ConfigureAwait(false);
        await counters.UncountAsync(AddressKey(client), cancellationToken).ConfigureAwait(false);
    }

    // The strict keys first: an attempt they refuse never slows the name down for its owner elsewhere.
    private static (string Key, TimeSpan? SlowTo)[] KeysOf(string userName, IPAddress? client, AuthOptions settings) =>
        [(PairKey(userName, client), null), (AddressKey(client), null), (UserKey(userName), settings.SlowedSignInInterval)];

    // The same IPv4 client can arrive as ::ffff:a.b.c.d on a dual-stack socket.
    private static string Address(IPAddress? client) =>
        client is null ? "unknown" : (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString();

    private static string AddressKey(IPAddress? client) => "ip:" + Address(client);

    private static string UserKey(string userName) => "user:" + userName.Trim().ToUpperInvariant();

    private static string PairKey(string userName, IPAddress? client) => "pair:" + Address(client) + "|" + userName.Trim().ToUpperInvariant();
}
