using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UMeetingReports.Web.Pages.Account;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>Sign-out is a POST with the antiforgery token (Razor Pages checks it): a link elsewhere cannot sign anyone out.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(SignedOutSessions sessions, IOptionsMonitor<CookieAuthenticationOptions> cookies) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Url.Content("~/meetings"));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessions.EndAsync(User, cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).ExpireTimeSpan, cancellationToken);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(Url.Content("~/account/login"));
    }
}
