using System.Globalization;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Why the meeting service gave no usable answer, as a code with its facts: pages word it in the reader's language
/// (the English <see cref="UnreachableReason.Template"/> is the key of its translation), logs and health checks use
/// <see cref="UnreachableReason.Describe"/>. Facts are written invariantly (numbers, seconds, times with their offset).
/// </summary>
public enum UnreachableCause
{
    /// <summary>A sentence kept from elsewhere (the archive's note on a month, a job stored before codes): its one fact.</summary>
    Noted,
    NoAnswer,
    ConnectionFailed,
    ConnectionBroke,
    ConnectionClosedEarly,
    AddressNotResolved,
    SecureConnectionFailed,

    /// <summary>An HTTP status without a readable envelope: {0} is the status.</summary>
    HttpStatus,

    /// <summary>HTTP 429 with Retry-After: {0} is the seconds it asked to wait.</summary>
    TooManyRequests,
    TimedOut,

    /// <summary>{0}: seconds of the attempt's time-out.</summary>
    TimedOutAfter,

    /// <summary>{0}: seconds one page waits in all (UMeeting:TotalTimeout).</summary>
    DeadlinePassed,

    /// <summary>The circuit breaker holds calls back; nothing known of the last attempt.</summary>
    Paused,

    /// <summary>As <see cref="Paused"/>; {0}: when the service was last tried.</summary>
    PausedLastTried,

    /// <summary>As <see cref="Paused"/>; {0}: when the service was last tried, {1}: about when calls resume.</summary>
    PausedUntil,
    CircuitOpen,
    TooManyWaiting,
    NotJson,
    EmptyAnswer,
    NoData,
    NoPeriod,

    /// <summary>{0}: the page size answered, {1}: the page size asked.</summary>
    PageSizeDiffers,

    /// <summary>{0}: what the format check found (technical, not translated).</summary>
    NotDocumentedFormat,

    /// <summary>{0}: page number, {1}: meetings on it, {2}: the total it claimed, {3}: the meetings that total promises.</summary>
    PageShort,

    // Why the archive kept no new copy of a month (see UnreachableReason.IsArchiveNote): the service answered, or was
    // not the trouble, but the month was not archived.

    /// <summary>{0}: the meeting listed twice while the month was read.</summary>
    ListedTwice,

    /// <summary>{0}: the meeting, {1}: its telephone cost in yuan, finer than the fen.</summary>
    CostFinerThanFen,

    /// <summary>
    /// The service now lists no meeting in a month whose copy holds some: {0}, the meetings of the copy, which is kept.
    /// </summary>
    NoLongerListed,

    /// <summary>{0}: the archive's file or database (no password), {1}: the database's own message (technical, not translated).</summary>
    NotWritten,

    /// <summary>The app stopped while the month was read.</summary>
    Stopped,

    /// <summary>{0}: the kind of error (a .NET type name); the log has the details.</summary>
    Unexpected,
}

/// <summary>One <see cref="UnreachableCause"/> with its facts.</summary>
public sealed record UnreachableReason
{
    private static readonly Dictionary<UnreachableCause, string> Templates = new()
    {
        [UnreachableCause.Noted] = "{0}",
        [UnreachableCause.NoAnswer] = "no answer",
        [UnreachableCause.ConnectionFailed] = "the connection failed",
        [UnreachableCause.ConnectionBroke] = "the connection broke",
        [UnreachableCause.ConnectionClosedEarly] = "the connection closed before the answer was complete",
        [UnreachableCause.AddressNotResolved] = "its address could not be resolved",
        [UnreachableCause.SecureConnectionFailed] = "the secure connection could not be set up",
        [UnreachableCause.HttpStatus] = "HTTP {0}",
        [UnreachableCause.TooManyRequests] = "HTTP 429, too many requests (asked to wait {0} s)",
        [UnreachableCause.TimedOut] = "timed out",
        [UnreachableCause.TimedOutAfter] = "timed out after {0} s",
        [UnreachableCause.DeadlinePassed] = "timed out: it did not answer within {0} s, the longest one page waits for it (UMeeting:TotalTimeout)",
        [UnreachableCause.Paused] = "it is unavailable (it failed repeatedly); calls resume after a short pause",
        [UnreachableCause.PausedLastTried] = "it is unavailable (it failed repeatedly; last tried at {0}); calls resume after a short pause",
        [UnreachableCause.PausedUntil] = "it is unavailable (it failed repeatedly; last tried at {0}); calls resume after a short pause, at about {1}",
        [UnreachableCause.CircuitOpen] = "it failed repeatedly, so it is not being asked again for a short while",
        [UnreachableCause.TooManyWaiting] = "too many requests to it were already waiting",
        [UnreachableCause.NotJson] = "the answer was not valid JSON",
        [UnreachableCause.EmptyAnswer] = "the answer was empty",
        [UnreachableCause.NoData] = "the answer had no data",
        [UnreachableCause.NoPeriod] = "the answer did not say which period it covers",
        [UnreachableCause.PageSizeDiffers] = "it answered pages of {0} records when {1} were asked (lower UMeeting:MaxPageSize)",
        [UnreachableCause.NotDocumentedFormat] = "the answer did not follow the documented format ({0})",
        [UnreachableCause.PageShort] = "page {0} held {1} meetings where its total of {2} promises {3}",
        [UnreachableCause.ListedTwice] = "the meeting service listed meeting {0} twice while it was read (its records moved between pages)",
        [UnreachableCause.CostFinerThanFen] = "meeting {0} has a telephone cost of {1} yuan, which the archive cannot keep exactly (it keeps yuan to the fen)",
        [UnreachableCause.NoLongerListed] = "the meeting service now lists no meeting in it, where the archive's copy holds {0}; the copy is kept (the service may no longer keep meetings this old)",
        [UnreachableCause.NotWritten] = "it could not be written to the archive ({0}): {1}",
        [UnreachableCause.Stopped] = "its read was stopped before it finished (the app was stopping)",
        [UnreachableCause.Unexpected] = "an unexpected error occurred ({0}); the log has the details",
    };

    public UnreachableReason(UnreachableCause cause, params string[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        Cause = cause;
        Facts = facts;
    }

    public UnreachableCause Cause { get; }

    /// <summary>The facts in the order of the template's placeholders, written invariantly.</summary>
    public IReadOnlyList<string> Facts { get; }

    /// <summary>
    /// True when the reason is the archive's, not the meeting service's: the month was not archived (its records could
    /// not be kept as they were, the database refused them, the app stopped, a defect).
    /// </summary>
    public bool IsArchiveNote => Cause is UnreachableCause.ListedTwice or UnreachableCause.CostFinerThanFen or UnreachableCause.NoLongerListed
        or UnreachableCause.NotWritten or UnreachableCause.Stopped or UnreachableCause.Unexpected;

    /// <summary>The English wording with placeholders for <see cref="Facts"/>: the key of its translations.</summary>
    public string Template => TemplateOf(Cause);

    public static string TemplateOf(UnreachableCause cause) => Templates[cause];

    /// <summary>A sentence kept as it was written (English, or the service's own words).</summary>
    public static UnreachableReason Noted(string text) => new(UnreachableCause.Noted, text);

    public static UnreachableReason Of(UnreachableCause cause, params IFormattable[] facts) =>
        new(cause, [.. facts.Select(fact => fact.ToString(null, CultureInfo.InvariantCulture))]);

    /// <summary>e.g. "10", "1.5": seconds as the reasons write them.</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The reason in English, for logs, health checks and exceptions.</summary>
    public string Describe() => string.Format(CultureInfo.InvariantCulture, Template, [.. Facts]);

    public override string ToString() => Describe();

    public bool Equals(UnreachableReason? other) =>
        other is not null && Cause == other.Cause && Facts.SequenceEqual(other.Facts, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Cause, Facts.Count > 0 ? Facts[0] : null);
}
