using System.Security.Claims;

namespace UMeetingReports.Web.Jobs;

/// <summary>Whose a job is: the signed-in user's name (unique among the configured accounts).</summary>
internal static class JobOwner
{
    /// <param name="work">What needs the user, for the error when there is none ("A download").</param>
    public static string Of(ClaimsPrincipal user, string work)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException($"{work} needs a signed-in user.");
    }
}
