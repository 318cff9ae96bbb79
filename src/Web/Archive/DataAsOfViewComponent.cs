using Microsoft.AspNetCore.Mvc;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Archive;

/// <summary>
/// "Data as of …" for a report that read a period from the archive: the oldest completion among the period's month
/// windows, asked of the archive once per request (the report asked the same question). Nothing when the archive
/// holds no complete copy of the period (the report then did not answer from it either).
/// </summary>
public sealed class DataAsOfViewComponent(IArchivePeriods periods, UpstreamZone zone) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DatePeriod period)
    {
        var held = await periods.HeldAsync(period, HttpContext.RequestAborted);
        return held?.DataAsOf is { } asOf
            ? View("/Pages/Shared/_DataAsOf.cshtml", new DataAsOf(asOf, zone.Now, held.IsFinal))
            : Content(string.Empty);
    }
}
