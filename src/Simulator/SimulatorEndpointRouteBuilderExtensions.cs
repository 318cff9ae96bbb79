using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Faults;
using UMeetingReports.Simulator.Http;

namespace UMeetingReports.Simulator;

public static class SimulatorEndpointRouteBuilderExtensions
{
    private static readonly string[] Methods = [HttpMethods.Post, HttpMethods.Get];

    /// <summary>
    /// Maps <c>{prefix}/umeeting/share/detail</c> and <c>{prefix}/umeeting/share/rooms</c> (POST form, GET query).
    /// The group allows anonymous callers: the endpoints check their own api_key/api_secret like the real service.
    /// </summary>
    public static RouteGroupBuilder MapUMeetingSimulator(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<SimulatorFaults>() is null)
        {
            throw new InvalidOperationException("The simulator's services are missing: call services.AddUMeetingSimulator() before MapUMeetingSimulator().");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapMethods(SimulatorEndpoint.DetailPath, Methods, context =>
            context.RequestServices.GetRequiredService<SimulatorEndpoint>().HandleDetailAsync(context));
        group.MapMethods(SimulatorEndpoint.RoomsPath, Methods, context =>
            context.RequestServices.GetRequiredService<SimulatorEndpoint>().HandleRoomsAsync(context));
        group.AllowAnonymous();
        return group;
    }
}
