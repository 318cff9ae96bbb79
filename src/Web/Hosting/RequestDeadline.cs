using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// One request waits UMeeting:TotalTimeout at most on the meeting service, however many calls it makes (the room
/// names, then the data): without it a hung service made a page wait once per call. Background jobs run in scopes
/// of their own and are not limited here.
/// </summary>
internal static class RequestDeadline
{
    public static IApplicationBuilder UseUpstreamDeadline(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var services = context.RequestServices;
            services.GetRequiredService<UpstreamDeadline>().Limit(services.GetRequiredService<IOptions<UMeetingOptions>>().Value.TotalTimeout);
            return next(context);
        });
}
