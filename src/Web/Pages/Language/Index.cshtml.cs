using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Web.Hosting;

namespace UMeetingReports.Web.Pages.Language;

/// <summary>
/// The navigation's language switcher: a POST with the antiforgery token (Razor Pages checks it) that remembers the
/// language in the culture cookie and goes back to the page it came from — a local address only, never one given
/// by another site.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(Url.Content("~/meetings"));

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (!Languages.IsSupported(culture))
        {
            return BadRequest();
        }

        Languages.Remember(Response, culture!);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : Url.Content("~/meetings"));
    }
}
