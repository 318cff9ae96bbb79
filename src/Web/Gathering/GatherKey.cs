using System.Security.Claims;
using UMeetingReports.Web.Jobs;

namespace UMeetingReports.Web.Gathering;

/// <summary>
/// Who asked for which report with which parameters (a record, compared by value). A gathering belongs to the user
/// who started it: another user asking for the same figures starts their own, which finds the upstream's pages in the
/// reader's cache, and can never follow or read someone else's.
/// </summary>
internal sealed record GatherKey(string Owner, string Report, object Parameters)
{
    public static GatherKey For(ClaimsPrincipal user, string report, object parameters) => new(OwnerOf(user), report, parameters);

    /// <summary>The signed-in user's name (unique among the configured accounts).</summary>
    public static string OwnerOf(ClaimsPrincipal user) => JobOwner.Of(user, "Gathering a period");
}
