using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UMeetingReports.Web.Pages.Account;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>
/// Sign-in. The antiforgery token is checked here rather than by Razor Pages (so that no other site can sign a browser
/// into an account of its choosing), because a sign-in form goes stale when another tab signs in first: pressed then,
/// it goes on to its address, as the sign-in it meant has happened; pressed with a token that fails otherwise (the
/// antiforgery cookie expired or cleared), the form comes back fresh with a sentence that says why.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class LoginModel(SignInGate gate, AccountDirectory accounts, IAntiforgery antiforgery) : PageModel
{
    [BindProperty(Name = "username")]
    public string? UserName { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public bool UsesDemoAccount => accounts.UsesDemoAccount;

    public SignInOutcome? Outcome { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    /// <summary>True when the form sent was stale and nobody is signed in: nothing was checked, the form is shown again.</summary>
    public bool FormExpired { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsFormValidAsync(HttpContext))
        {
            if (User.Identity?.IsAuthenticated == true)
            {
                return LocalRedirect(Destination);
            }

            Password = null;
            FormExpired = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Outcome = await gate.TryAsync(UserName, Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        Password = null;
        switch (Outcome)
        {
            case SignInOutcome.Accepted accepted:
                Claim[] claims =
                [
                    new(ClaimTypes.Name, accepted.Account.Name),
                    new(ClaimTypes.Role, accepted.Account.Role),
                    new(ClaimTypes.Sid, SignedOutSessions.NewSessionId()),
                ];
                var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                return LocalRedirect(Destination);
            case SignInOutcome.Throttled throttled:
                Response.Headers.RetryAfter = Math.Ceiling(throttled.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case SignInOutcome.Refused:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    /// <summary>
    /// Only a local address: a crafted returnUrl must not send a fresh session to another site.
    /// A Location header carries ASCII only, so anything else in the address is percent-encoded as UTF-8.
    /// </summary>
    private string Destination => Url.IsLocalUrl(ReturnUrl) ? AsciiOnly(ReturnUrl) : Url.Content("~/meetings");

    private static string AsciiOnly(string url)
    {
        if (url.All(character => character is > ' ' and < (char)127))
        {
            return url;
        }

        var encoded = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 127)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var octet in utf8[..length])
            {
                encoded.Append('%').Append(octet.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
