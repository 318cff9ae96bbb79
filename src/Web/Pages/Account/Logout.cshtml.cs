using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>Sign-out is a POST with the antiforgery token (Razor Pages checks it): a link elsewhere cannot sign anyone out.</summary>
[AllowAnonymous]
internal sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Url.Content("~/meetings"));

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(Url.Content("~/account/login"));
    }
}
