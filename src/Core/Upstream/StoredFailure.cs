using System.Globalization;
using System.Text.Json;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// An upstream failure as a stored row keeps it (JSON: a background job's failure, a month window's last error), so
/// that a page read later or on another instance words it in its reader's language as the instance that met it would.
/// </summary>
public static class StoredFailure
{
    public static string Write(UpstreamFailure failure) => JsonSerializer.Serialize(failure switch
    {
        UpstreamRejected rejected => new Row(rejected.Kind, Day(rejected.Window.From), Day(rejected.Window.To), rejected.Status, rejected.Message, null, null),
        UpstreamUnreachable unreachable => new Row(unreachable.Kind, Day(unreachable.Window.From), Day(unreachable.Window.To), null, null, unreachable.Reason, null)
        {
            Cause = unreachable.Why.Cause,
            Facts = [.. unreachable.Why.Facts],
        },
        UpstreamPeriodCutShort cut => new Row(cut.Kind, Day(cut.Window.From), Day(cut.Window.To), null, null, null, [Day(cut.Answered.From), Day(cut.Answered.To)]),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "An upstream failure of an unknown kind."),
    });

    /// <summary>True for text <see cref="Write"/> made; other text is a sentence stored as it was written.</summary>
    public static bool IsStored(string? text) => text is { Length: > 0 } && text[0] == '{';

    /// <summary>The failure <paramref name="text"/> holds when <see cref="Write"/> made it; null for no text or a sentence.</summary>
    public static UpstreamFailure? ReadIfStored(string? text) => IsStored(text) ? Read(text!) : null;

    public static UpstreamFailure? Read(string json)
    {
        var row = JsonSerializer.Deserialize<Row>(json);
        if (row is null)
        {
            return null;
        }

        var window = new DatePeriod(DateOnly.Parse(row.From, CultureInfo.InvariantCulture), DateOnly.Parse(row.To, CultureInfo.InvariantCulture));
        return row.Kind switch
        {
            UpstreamFailureKind.Rejected => new UpstreamRejected(window, row.Status ?? 0, row.Message ?? ""),
            // A row written before reasons had codes keeps its English sentence.
            UpstreamFailureKind.Unreachable => row.Cause is { } cause
                ? new UpstreamUnreachable(window, new UnreachableReason(cause, row.Facts ?? []))
                : new UpstreamUnreachable(window, row.Reason ?? ""),
            _ => new UpstreamPeriodCutShort(window, new DatePeriod(DateOnly.Parse(row.Answered![0], CultureInfo.InvariantCulture), DateOnly.Parse(row.Answered[1], CultureInfo.InvariantCulture))),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Row(UpstreamFailureKind Kind, string From, string To, int? Status, string? Message, string? Reason, string[]? Answered)
    {
        /// <summary>The unreachable reason's code (by name: stored rows outlive the enum's order) and facts, so that another instance words it in its reader's language.</summary>
        [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UnreachableCause>))]
        public UnreachableCause? Cause { get; init; }

        public string[]? Facts { get; init; }
    }
}
