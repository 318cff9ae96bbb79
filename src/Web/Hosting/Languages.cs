using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// The languages the app speaks. A request's language is the switcher's cookie if it names one of them, else the
/// browser's Accept-Language, else English; the page's lang and Content-Language then say the same.
/// </summary>
internal static class Languages
{
    public const string English = "en";

    public const string Chinese = "zh-CN";

    public static readonly string[] Supported = [English, Chinese];

    /// <summary>How long the switcher's choice is remembered.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    /// <summary>The switcher's cookie, as <see cref="CookieRequestCultureProvider"/> reads it, for one of <see cref="Supported"/>.</summary>
    public static void Remember(HttpResponse response, string culture)
    {
        ArgumentNullException.ThrowIfNull(response);
        var chosen = Supported.First(supported => string.Equals(supported, culture, StringComparison.OrdinalIgnoreCase));
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(chosen))),
            new CookieOptions
            {
                MaxAge = Remembered,
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
                Path = response.HttpContext.Request.PathBase.HasValue ? response.HttpContext.Request.PathBase.Value : "/",
            });
    }
}

/// <summary>
/// After the cookie: a browser whose first language is any Chinese (zh, zh-Hans, zh-SG, zh-TW …) gets the Chinese
/// the app has, rather than the English that ASP.NET Core's exact matching would fall back to.
/// </summary>
internal sealed class ChineseAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var asked = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(language => language.Quality is not 0)
            .OrderByDescending(language => language.Quality ?? 1)
            .Select(language => language.Value.Value ?? "")
            .FirstOrDefault(language => !language.StartsWith('*'));
        var chinese = asked is not null
            && (asked.Equals("zh", StringComparison.OrdinalIgnoreCase) || asked.StartsWith("zh-", StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(chinese ? new ProviderCultureResult(Languages.Chinese) : null);
    }
}
