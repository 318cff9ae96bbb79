using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using UMeetingReports.Web.Demo;

namespace UMeetingReports.Web.E2E.Demo;

/// <summary>The demo's simulator answers the app on its own machine, and nobody else (its credentials are published).</summary>
public sealed class DemoUpstreamCallerTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", StatusCodes.Status200OK)]
    [InlineData("::1", "::1", StatusCodes.Status200OK)]
    [InlineData("10.1.2.3", "10.1.2.3", StatusCodes.Status200OK)]
    [InlineData("10.1.2.4", "10.1.2.3", StatusCodes.Status404NotFound)]
    [InlineData("172.17.0.1", "172.17.0.2", StatusCodes.Status404NotFound)]
    public async Task The_simulator_answers_a_caller_on_this_machine_and_no_other(string remote, string local, int status)
    {
        // Arrange
        var endpoint = new RouteEndpointBuilder(
            context =>
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                return Task.CompletedTask;
            },
            RoutePatternFactory.Parse("/demo-upstream/umeeting/share/detail"),
            order: 0);
        DemoMode.OnlyThisMachine(endpoint);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Connection.LocalIpAddress = IPAddress.Parse(local);
        context.Response.StatusCode = 0;

        // Act
        await endpoint.RequestDelegate!(context);

        // Assert
        Assert.Equal(status, context.Response.StatusCode);
    }
}
