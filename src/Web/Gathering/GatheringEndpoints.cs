using Microsoft.Extensions.DependencyInjection.Extensions;

namespace UMeetingReports.Web.Gathering;

internal static class GatheringEndpoints
{
    public const string StatusPath = "/gathering/status";

    /// <summary>The gatherer, its options from "Gathering" (validated at start).</summary>
    public static IServiceCollection AddPeriodGathering(this IServiceCollection services)
    {
        services.AddOptions<GatheringOptions>()
            .BindConfiguration(GatheringOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<PeriodGatherer>();
        return services;
    }

    /// <summary>
    /// GET /gathering/status?key=…: the progress of one of the signed-in user's gatherings as JSON, or 404 when they
    /// have none of that id (finished and dropped, cancelled, or someone else's: the answer does not tell which).
    /// </summary>
    public static IEndpointConventionBuilder MapGatheringStatus(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(StatusPath, (string? key, HttpContext context, PeriodGatherer gatherer) =>
        {
            // Progress changes from one poll to the next: no cache may answer for the app.
            context.Response.Headers.CacheControl = "no-store";
            return gatherer.Status(GatherKey.OwnerOf(context.User), key) is { } status
                ? Results.Json(status)
                : Results.NotFound();
        });
}
