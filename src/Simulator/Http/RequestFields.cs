using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Simulator.Http;

/// <summary>
/// The parameters of one request: form fields of a POST, falling back to the query string (GET is accepted too).
/// An empty field counts as absent, as an HTML form sends one for every blank input.
/// </summary>
internal sealed class RequestFields(IFormCollection? form, IQueryCollection query)
{
    public static async Task<RequestFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return new RequestFields(null, request.Query);
        }

        try
        {
            return new RequestFields(await request.ReadFormAsync(cancellationToken).ConfigureAwait(false), request.Query);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            // A body that claims to be a form but is not one (bad encoding, too many fields) is the caller's mistake:
            // it gets an envelope that says so, like any other bad parameter, never an HTTP 500.
            return new RequestFields(null, request.Query) { BodyUnreadable = true };
        }
    }

    /// <summary>The body said it was a form and could not be read as one.</summary>
    public bool BodyUnreadable { get; private init; }

    public const string BodyUnreadableMessage = "The request body is not a readable HTML form.";

    public string? this[string name]
    {
        get
        {
            if (form is not null && form.TryGetValue(name, out var posted) && !string.IsNullOrEmpty(posted.ToString()))
            {
                return posted[0];
            }

            return query.TryGetValue(name, out var queried) && !string.IsNullOrEmpty(queried.ToString()) ? queried[0] : null;
        }
    }

    /// <summary>Compares in constant time so the simulator is no worse an example than the service it stands for.</summary>
    public bool HasCredentials(string apiKey, string apiSecret) =>
        FixedTimeEquals(this["api_key"], apiKey) & FixedTimeEquals(this["api_secret"], apiSecret);

    private static bool FixedTimeEquals(string? given, string expected) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

/// <summary>The detail endpoint's parameters, read leniently; <see cref="Problem"/> is the first one that cannot be used.</summary>
internal sealed record DetailParameters(
    DateOnly? From,
    DateOnly? To,
    string? HostId,
    string? Uuid,
    bool ShowParticipants,
    bool ShowTelephonyUsage,
    int PageSize,
    int PageNumber,
    string? Problem)
{
    public const int DefaultPageSize = 30;

    private const int MaxEchoedLength = 40;

    /// <summary>"M" and "d" also read two digits, so padded and unpadded dates are both accepted.</summary>
    private static readonly string[] DateFormats = ["yyyy-M-d"];

    public static DetailParameters Parse(RequestFields fields, int maxPageSize, DateOnly today)
    {
        var problems = new List<string>();
        var from = ReadDate(fields, "from", problems);
        var to = ReadDate(fields, "to", problems);
        var showParticipants = ReadFlag(fields, "show_participants", problems);
        var showTelephony = ReadFlag(fields, "show_telephony_usage", problems);
        var pageSize = ReadPositive(fields, "page_size", DefaultPageSize, maxPageSize, problems);
        var pageNumber = ReadPositive(fields, "page_number", 1, int.MaxValue, problems);

        if (problems.Count == 0 && (from ?? today) > (to ?? today))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Invalid period: from {from ?? today:yyyy-MM-dd} is after to {to ?? today:yyyy-MM-dd}."));
        }

        return new DetailParameters(from, to, fields["host_id"], fields["uuid"], showParticipants, showTelephony, pageSize, pageNumber, problems.FirstOrDefault());
    }

    public SimulatorRequest ToRequest(string path, DateTimeOffset receivedAt) =>
        new(path, From, To, HostId, Uuid, ShowParticipants, ShowTelephonyUsage, PageSize, PageNumber, receivedAt);

    private static DateOnly? ReadDate(RequestFields fields, string name, List<string> problems)
    {
        var raw = fields[name];
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"Invalid {name} '{Shorten(raw)}': expected a date as yyyy-MM-dd.");
        return null;
    }

    private static bool ReadFlag(RequestFields fields, string name, List<string> problems)
    {
        var raw = fields[name]?.Trim();
        if (raw is null || raw.Equals("false", StringComparison.OrdinalIgnoreCase) || raw == "0")
        {
            return false;
        }

        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase) || raw == "1")
        {
            return true;
        }

        problems.Add($"Invalid {name} '{Shorten(raw)}': expected true or false.");
        return false;
    }

    private static int ReadPositive(RequestFields fields, string name, int fallback, int max, List<string> problems)
    {
        var raw = fields[name];
        if (raw is null)
        {
            return fallback;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        problems.Add(max == int.MaxValue
            ? $"Invalid {name} '{Shorten(raw)}': expected a whole number from 1."
            : string.Create(CultureInfo.InvariantCulture, $"Invalid {name} '{Shorten(raw)}': expected a whole number from 1 to {max}."));
        return 0;
    }

    private static string Shorten(string raw) => raw.Length <= MaxEchoedLength ? raw : raw[..MaxEchoedLength] + "…";
}
