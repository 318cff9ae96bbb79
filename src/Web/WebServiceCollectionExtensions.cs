using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using UMeetingReports.Web;
using UMeetingReports.Web.Pages.Account;
using UMeetingReports.Web.Demo;
using UMeetingReports.Web.Pages.Downloads;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Filters;
using UMeetingReports.Web.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class WebServiceCollectionExtensions
{
    /// <summary>The health checks behind /healthz/ready.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// The web app on top of <c>AddMeetingReports()</c>: pages, sign-in, localization, background gathering of long
    /// periods for the analytics pages, and, in demo mode only (<see cref="UpstreamMode"/>, decided here from
    /// <paramref name="configuration"/> and <paramref name="environment"/>), the embedded simulator the app reads.
    /// Settings that name no mode stop the app here, before anything is registered.
    /// </summary>
    public static IServiceCollection AddMeetingReportsWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        var mode = UpstreamMode.Decide(configuration, environment);
        services.AddSingleton(mode);

        // First: its hosted service brings the database up to date before data protection (registered with the pages)
        // reads its keys from it at start.
        services.AddMeetingArchive(environment.ContentRootPath);

        services.AddRazorPages()
            .AddMvcOptions(options =>
            {
                options.Filters.Add<HandlerlessRequestFilter>();
                options.ModelBinderProviders.Insert(0, new FilterBinderProvider());

                // No form here posts jQuery-style names (a[b]); that parser throws on a stray '[' in a field name,
                // which would turn a hostile form into a server error instead of a refusal.
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // The <cache> tag helper keeps /meetings' month-by-month section; its default of 100 MB of kept HTML is a
        // quarter of what the whole app may hold (bench/memory, 400 MiB). A section is 50-200 KB: 8 MB keeps dozens.
        services.Configure<CacheTagHelperOptions>(options => options.SizeLimit = 8 * 1024 * 1024);
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // The switcher's cookie first, then Accept-Language (the defaults' order; the query string is left out, so
            // that a link cannot change the language of a page without the reader choosing it).
            options.SetDefaultCulture(Languages.English).AddSupportedCultures(Languages.Supported).AddSupportedUICultures(Languages.Supported);
            // The cookie, then a browser whose first language is any Chinese, then Accept-Language as ASP.NET Core reads it.
            options.RequestCultureProviders = [
                .. options.RequestCultureProviders.OfType<CookieRequestCultureProvider>(),
                new ChineseAcceptLanguageProvider(),
                .. options.RequestCultureProviders.OfType<AcceptLanguageHeaderRequestCultureProvider>(),
            ];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // Topics and room names are mostly Chinese: write them as text, not as &#x...; entities (markup is still encoded).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHealthChecks().AddUpstreamReadiness(ReadinessTag).AddArchiveReadiness(ReadinessTag);
        services.TryAddSingleton(TimeProvider.System);

        services.AddRoomsOncePerRequest();
        services.AddSignIn();
        services.AddPeriodGathering();
        services.AddDownloads();
        services.TryAddScoped<UMeetingReports.Web.Pages.Meetings.KpiComparisons>();
        if (mode.IsDemo)
        {
            services.AddDemoMode();
        }

        services.AddHostedService<StartupAnnouncement>();
        services.AddHostedService<IdleMemoryTrim>();
        return services;
    }

    private static void AddSignIn(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInGate>();
        services.AddSingleton<SignedOutSessions>();
        services.AddDataProtection().PersistKeysToArchive();

        // Behind the reverse proxies configured (none by default, not even loopback) the app sees the client's address
        // and scheme, so the sign-in throttle counts the real client, and HSTS and Secure cookies follow HTTPS as the
        // browser sees it.
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((options, proxies) => proxies.Value.ApplyTo(options));
        // Pages, stylesheets and scripts go out compressed to a browser that asks (Brotli, else gzip; the fastest
        // level): /telephony over 24 months is 650-800 KB of HTML. Over HTTPS, direct or through a proxy that says
        // so, pages are not compressed (the framework's default, kept): a page that echoes a search beside the
        // account's own data, compressed and encrypted, lets whoever sees the lengths on the wire guess that data
        // (BREACH). Static files are, as the static file middleware asks: they hold nothing to guess.
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // A stylesheet or script named by its content's hash is kept by the browser for a year; any other is checked.
        services.AddOptions<StaticFileOptions>().Configure<IFileVersionProvider>(StaticFileCaching.Configure);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            // HSTS is sent on HTTPS answers only; a proxy may well call this app by a loopback name.
            options.ExcludedHosts.Clear();
        });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "UMeetingReports.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SignedOutSessions.ValidateAsync;
                options.Events.OnRedirectToLogin = RedirectToLogin;

                // The sign-in and sign-out pages choose where to go themselves (a checked, encoded local address):
                // the handler's own redirect would copy the query's returnUrl into Location as it is.
                options.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    // A signed-in user without the role gets the error page's 403, not a redirect loop through sign-in.
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "UMeetingReports.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    /// <summary>
    /// To the sign-in page by a relative address: the handler's own is absolute, built from the Host header, which
    /// is the client's word (a forged one would send the browser, or a cache, to another site).
    /// </summary>
    private static Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var original = context.HttpContext.Features.Get<IAuthenticationFeature>();
        var pathBase = original?.OriginalPathBase ?? request.PathBase;
        var returnUrl = string.IsNullOrEmpty(context.Properties.RedirectUri)
            ? pathBase + (original?.OriginalPath ?? request.Path) + request.QueryString
            : context.Properties.RedirectUri;
        var location = pathBase + context.Options.LoginPath + QueryString.Create(context.Options.ReturnUrlParameter, returnUrl);
        context.Response.Redirect(location);
        return Task.CompletedTask;
    }

    /// <summary>The simulator, its credentials and the loopback endpoint that points the client at it: demo mode only.</summary>
    private static void AddDemoMode(this IServiceCollection services)
    {
        services.AddUMeetingSimulator();
        services.AddSingleton<IPostConfigureOptions<UMeetingOptions>, DemoCredentials>();

        // Replace, not TryAdd: wins over UMeeting:BaseUrl whether AddMeetingReports() ran before or runs after.
        services.Replace(ServiceDescriptor.Singleton<IUpstreamEndpoint, LoopbackUpstreamEndpoint>());
    }

    /// <summary>The room list is read once per request (or background job) and shared by the filter, the page and the report.</summary>
    private static void AddRoomsOncePerRequest(this IServiceCollection services)
    {
        var directory = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IRoomDirectory))
            ?? throw new InvalidOperationException("AddMeetingReportsWeb() needs AddMeetingReports() to be called first.");
        services.Replace(ServiceDescriptor.Scoped<IRoomDirectory>(provider => new RequestRooms(Resolve<IRoomDirectory>(directory, provider))));
    }

    private static T Resolve<T>(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
