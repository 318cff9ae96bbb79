using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using UMeetingReports.Simulator;
using UMeetingReports.Web.Demo;
using UMeetingReports.Web.Pages.Downloads;
using UMeetingReports.Web.Gathering;
using UMeetingReports.Web.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class WebApplicationExtensions
{
    /// <summary>The middleware, in order: forwarded headers, compression, headers, errors, culture, static files, sign-in.</summary>
    public static WebApplication UseMeetingReportsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseForwardedHeaders();
        app.UseMetricsGuard();

        // After the forwarded headers, which say whether the browser's connection is HTTPS (then pages are not compressed).
        app.UseResponseCompression();
        app.UseHsts();
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (app.Services.GetRequiredService<UpstreamMode>().IsDemo)
        {
            app.Use((context, next) =>
            {
                // The simulator's status codes and bodies are the faults tests ask for; an HTML error page would hide them.
                if (context.Request.Path.StartsWithSegments(DemoMode.SimulatorPath) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return next(context);
            });
        }

        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseUpstreamDeadline();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// The pages, the gathering progress poll, /healthz, and in the demo the simulator under /demo-upstream (not behind
    /// sign-in, answering this machine only).
    /// </summary>
    public static WebApplication MapMeetingReportsWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapGet("/", () => Results.LocalRedirect("~/meetings")).AllowAnonymous();
        app.MapRazorPages();
        app.MapGatheringStatus();
        app.MapDownloads();
        app.MapAppMetrics();
        // Alive: answers without asking anything. Ready: the meeting service answers a cheap call (cached briefly) and
        // the archive's database a cheap query; each check says why on a line of its own.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(WebServiceCollectionExtensions.ReadinessTag),
            ResponseWriter = ReadinessReport.WriteAsync,
        }).AllowAnonymous();

        if (app.Services.GetRequiredService<UpstreamMode>().IsDemo)
        {
            IEndpointConventionBuilder simulator = app.MapUMeetingSimulator(DemoMode.SimulatorPath).AllowAnonymous();
            simulator.Add(DemoMode.OnlyThisMachine);
        }

        return app;
    }
}
