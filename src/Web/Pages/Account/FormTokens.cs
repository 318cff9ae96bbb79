using Microsoft.AspNetCore.Antiforgery;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>The antiforgery check the sign-in and sign-out forms make themselves (see their page models for why).</summary>
internal static class FormTokens
{
    /// <summary>
    /// Whether the posted form carries a valid token. A body that cannot be read as a form carries none: it is answered
    /// as a stale form is, not with a server error.
    /// </summary>
    public static async Task<bool> IsFormValidAsync(this IAntiforgery antiforgery, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        try
        {
            return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
