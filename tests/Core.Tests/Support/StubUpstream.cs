using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>One request the stub received, with its form fields decoded.</summary>
internal sealed record StubRequest(HttpMethod Method, Uri Uri, string? ContentType, IReadOnlyDictionary<string, string> Form)
{
    public string Path => Uri.AbsolutePath;

    public string? Field(string name) => Form.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// An upstream in memory, behind the real HttpClient pipeline (Refit, resilience, cache): answers each request
/// with what <see cref="Answer"/> returns and records what it was asked.
/// </summary>
internal sealed class StubUpstream(Func<StubRequest, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly ConcurrentQueue<StubRequest> _requests = new();

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    public Func<StubRequest, HttpResponseMessage> Answer { get; } = answer;

    public static StubUpstream Json(Func<StubRequest, string> body) => new(request => JsonResponse(body(request)));

    public static StubUpstream Json(string body) => Json(_ => body);

    public static HttpResponseMessage JsonResponse(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        var received = new StubRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.MediaType, form);
        _requests.Enqueue(received);
        var response = Answer(received);
        response.RequestMessage = request;
        return response;
    }
}
