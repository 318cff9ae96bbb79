using System.Net;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

/// <summary>The failures the simulator cannot provoke cheaply still get a sentence that is safe to show.</summary>
public sealed class UpstreamTransportTests
{
    public static TheoryData<Exception, string> Exceptions => new()
    {
        { new BrokenCircuitException(), "it failed repeatedly, so it is not being asked again for a short while" },
        { new TimeoutRejectedException(TimeSpan.FromSeconds(10)), "timed out after 10 s" },
        { new TimeoutRejectedException(TimeSpan.FromMilliseconds(2500)), "timed out after 2.5 s" },
        { new RateLimiterRejectedException(), "too many requests to it were already waiting" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such host upstream.test"), "its address could not be resolved" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused", null, HttpStatusCode.BadGateway), "the connection failed" },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Describes_each_transport_failure_in_a_sentence_without_the_exceptions_own_text(Exception exception, string expected)
    {
        Assert.Equal(expected, UpstreamTransport.DescribeException(exception));
    }

    [Fact]
    public void Leaves_an_exception_that_is_not_about_the_upstream_to_surface_as_the_defect_it_is()
    {
        Assert.Null(UpstreamTransport.DescribeException(new InvalidOperationException("a bug of ours")));
    }
}
