using System.Globalization;
using System.Net;
using System.Text.Json;

namespace UMeetingReports.Core.Tests.Simulator;

/// <summary>A plain HttpClient speaking the upstream's form protocol, as any caller of the real service would.</summary>
public sealed class UpstreamTestClient(Uri baseAddress, TimeSpan? timeout = null) : IDisposable
{
    public const string DetailPath = "umeeting/share/detail";

    public const string RoomsPath = "umeeting/share/rooms";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public Task<UpstreamAnswer> PostDetailAsync(UpstreamForm form, CancellationToken cancellationToken) =>
        PostAsync(DetailPath, form, cancellationToken);

    public async Task<UpstreamAnswer> PostAsync(string path, UpstreamForm form, CancellationToken cancellationToken, string? faultHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form.ToContent() };
        if (faultHeader is not null)
        {
            request.Headers.Add("X-Simulator-Fault", faultHeader);
        }

        return await SendAsync(request, cancellationToken);
    }

    public async Task<UpstreamAnswer> GetAsync(string path, UpstreamForm form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?" + form.ToQueryString());
        return await SendAsync(request, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<UpstreamAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new UpstreamAnswer(response.StatusCode, response.Headers.RetryAfter?.Delta, response.Content.Headers.ContentType?.MediaType, body);
    }
}

/// <summary>Builds the form fields of one request; starts with the demo credentials, everything else absent.</summary>
public sealed class UpstreamForm
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal)
    {
        ["api_key"] = "demo",
        ["api_secret"] = "demo-secret",
    };

    public static UpstreamForm WithDemoCredentials() => new();

    public UpstreamForm Set(string name, string value)
    {
        _fields[name] = value;
        return this;
    }

    public UpstreamForm Without(string name)
    {
        _fields.Remove(name);
        return this;
    }

    public UpstreamForm Period(DateOnly from, DateOnly to) =>
        Set("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Set("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public UpstreamForm Page(int size, int number) =>
        Set("page_size", size.ToString(CultureInfo.InvariantCulture)).Set("page_number", number.ToString(CultureInfo.InvariantCulture));

    public UpstreamForm Host(string hostId) => Set("host_id", hostId);

    public UpstreamForm Uuid(string uuid) => Set("uuid", uuid);

    public UpstreamForm WithParticipantsAndTelephony() => Set("show_participants", "true").Set("show_telephony_usage", "true");

    public FormUrlEncodedContent ToContent() => new(_fields);

    public string ToQueryString() =>
        string.Join('&', _fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));
}

/// <summary>What came back: the HTTP layer as is, and the envelope read on demand.</summary>
public sealed record UpstreamAnswer(HttpStatusCode HttpStatus, TimeSpan? RetryAfter, string? MediaType, string Body)
{
    private JsonElement? _root;

    public JsonElement Root => _root ??= JsonDocument.Parse(Body).RootElement;

    public int Status => Root.GetProperty("status").GetInt32();

    public string Message => Root.GetProperty("message").GetString()!;

    public JsonElement Data => Root.GetProperty("data");

    public JsonElement[] Meetings => [.. Data.GetProperty("meetings").EnumerateArray()];

    public string[] Uuids => [.. Meetings.Select(meeting => meeting.GetProperty("uuid").GetString()!)];

    public int Number(string name) => Data.GetProperty(name).GetInt32();

    public bool Flag(string name) => Data.GetProperty(name).GetBoolean();

    public string Text(string name) => Data.GetProperty(name).GetString()!;
}
