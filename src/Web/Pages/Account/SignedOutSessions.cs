using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// Sessions ended by sign-out. A sign-in cookie is self-contained, so without this list a copy of it taken before
/// sign-out would stay valid until it expires; each session carries an id (<see cref="ClaimTypes.Sid"/>) and a
/// signed-out id is refused. Kept in memory: one instance serves the app (see the README), and an entry is dropped
/// once any cookie that could carry it has expired.
/// </summary>
internal sealed class SignedOutSessions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    public void End(ClaimsPrincipal user, TimeSpan cookieLifetime)
    {
        if (user.FindFirstValue(ClaimTypes.Sid) is not { } session)
        {
            return;
        }

        var now = clock.GetUtcNow();
        _ended[session] = now + cookieLifetime;
        foreach (var (expired, until) in _ended)
        {
            if (until < now)
            {
                _ended.TryRemove(expired, out _);
            }
        }
    }

    /// <summary>A cookie without a session id predates this check or was not made here: it is refused too.</summary>
    public bool IsValid(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.Sid) is { } session && !_ended.ContainsKey(session);

    /// <summary>The cookie handler's hook: refuses a signed-out session on every request.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignedOutSessions>();
        if (!sessions.IsValid(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }
}
