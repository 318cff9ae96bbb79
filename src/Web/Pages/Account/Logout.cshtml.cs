using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// Sign-out is a POST with the antiforgery token: a link or a form elsewhere cannot sign anyone out. The token is
/// checked here rather than by Razor Pages, because a page's token goes stale when its tab outlives the session it was
/// made for (signed out, or signed in again, in another tab): a stale button then does what its user meant, not a
/// bare 400. Signed out already, it goes to sign-in; signed in under another session, it asks once more, with a
/// fresh token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class LogoutModel(SignedOutSessions sessions, IOptionsMonitor<CookieAuthenticationOptions> cookies, IAntiforgery antiforgery) : PageModel
{
    /// <summary>True when a stale sign-out button was pressed by someone signed in: the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    public IActionResult OnGet() => LocalRedirect(Url.Content("~/meetings"));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (!await antiforgery.IsFormValidAsync(HttpContext))
        {
            if (!signedIn)
            {
                return LocalRedirect(Url.Content("~/account/login"));
            }

            Confirming = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await sessions.EndAsync(User, cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).ExpireTimeSpan, cancellationToken);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(Url.Content("~/account/login"));
    }
}
