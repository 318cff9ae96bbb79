using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

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

    /// <summary>The address a page's progress bar polls: the gathering's id, and its period for another instance.</summary>
    public static string StatusUrl(string statusPath, GatherTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return QueryHelpers.AddQueryString(statusPath, new Dictionary<string, string?>
        {
            ["key"] = ticket.Id,
            ["from"] = ticket.Period.From.ToString(DayFormat, CultureInfo.InvariantCulture),
            ["to"] = ticket.Period.To.ToString(DayFormat, CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// GET /gathering/status?key=…&amp;from=…&amp;to=…: the progress of one of the signed-in user's gatherings as JSON.
    /// A gathering this instance does not run (behind a balancer the poll may reach another instance than the page did;
    /// or it ended here and was dropped) is answered from the archive, which every instance shares: the period's months
    /// in, and done once nothing is left to wait for. 404 without a period a report could have asked for (well formed,
    /// in order, at most UMeeting:MaxPeriodMonths): the page then reloads.
    /// </summary>
    public static IEndpointConventionBuilder MapGatheringStatus(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(StatusPath, async (string? key, string? from, string? to, HttpContext context, PeriodGatherer gatherer, IArchivePeriods archive, IOptions<UMeetingOptions> options) =>
        {
            // Progress changes from one poll to the next: no cache may answer for the app.
            context.Response.Headers.CacheControl = "no-store";
            if (gatherer.Status(GatherKey.OwnerOf(context.User), key) is { } status)
            {
                return Results.Json(status);
            }

            if (PeriodOf(from, to, options.Value.MaxPeriodMonths) is not { } period)
            {
                return Results.NotFound();
            }

            var progress = await archive.ProgressAsync(period, context.RequestAborted).ConfigureAwait(false);
            return Results.Json(GatherStatus.FromArchive(progress));
        });

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The period a page's poll names; null unless it is one a report accepts (the page made it so).</summary>
    private static DatePeriod? PeriodOf(string? from, string? to, int maxPeriodMonths) =>
        DateOnly.TryParseExact(from, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
        && DateOnly.TryParseExact(to, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
        && first <= last
        && last < first.AddMonths(maxPeriodMonths)
            ? new DatePeriod(first, last)
            : null;
}
