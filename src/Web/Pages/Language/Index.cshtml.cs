using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Web.Hosting;

namespace UMeetingReports.Web.Pages.Language;

/// <summary>
/// The navigation's language switcher: a POST that remembers the language in the culture cookie and goes back to the
/// page it came from — a local address only, never one given by another site. It takes no antiforgery token: the
/// switcher is on every page, and a page's token goes stale when its tab outlives the session it was made for (signed
/// out, or signed in again, in another tab), so a checked token would answer a bare 400 to a click that changes a
/// display preference only. A forged POST can do no more than a link with the browser's own Accept-Language would:
/// show the next page in the other language.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
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
