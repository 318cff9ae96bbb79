using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using UMeetingReports.Core.Instances;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// Sessions ended by sign-out. A sign-in cookie is self-contained, so without this list a copy of it taken before
/// sign-out would stay valid until it expires; each session carries an id (<see cref="ClaimTypes.Sid"/>) and a
/// signed-out id is refused. The list is in the archive's database (<see cref="IEndedSessions"/>): every instance
/// refuses the copy, after any restart, until the cookie would have expired anyway.
/// </summary>
internal sealed class SignedOutSessions(IEndedSessions ended, TimeProvider clock)
{
    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    public async Task EndAsync(ClaimsPrincipal user, TimeSpan cookieLifetime, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(ClaimTypes.Sid) is { } session)
        {
            await ended.EndAsync(session, clock.GetUtcNow() + cookieLifetime, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A cookie without a session id predates this check or was not made here: it is refused too.</summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        user?.FindFirstValue(ClaimTypes.Sid) is { } session && !await ended.IsEndedAsync(session, cancellationToken).ConfigureAwait(false);

    /// <summary>The cookie handler's hook: refuses a signed-out session on every request.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignedOutSessions>();
        if (!await sessions.IsValidAsync(context.Principal, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }
}
