namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Why the upstream could not give a complete answer. Every kind names the part of the period that is
/// missing, so a page never shows a partial figure as if it were whole. Messages never carry credentials.
/// </summary>
public abstract record UpstreamFailure(DatePeriod Window)
{
    /// <summary>A sentence for the user, in English; the web layer localizes by <see cref="Kind"/>.</summary>
    public abstract string Describe();

    public abstract UpstreamFailureKind Kind { get; }
}

public enum UpstreamFailureKind
{
    /// <summary>The upstream answered with status ≠ 200; its message is the reason.</summary>
    Rejected,

    /// <summary>No usable answer: HTTP error, time-out, broken connection, or a body that is not the documented JSON.</summary>
    Unreachable,

    /// <summary>The upstream echoed a different period than the one asked: it cut the period short.</summary>
    PeriodCutShort,
}

/// <summary>The upstream said no: <c>status</c> was not 200.</summary>
public sealed record UpstreamRejected(DatePeriod Window, int Status, string Message) : UpstreamFailure(Window)
{
    /// <summary>The <see cref="Message"/> of a refusal that gave none: pages word it in the reader's language.</summary>
    public const string NoReasonGiven = "no reason given";

    public override UpstreamFailureKind Kind => UpstreamFailureKind.Rejected;

    public override string Describe() =>
        $"The meeting service refused the request for {Window}: {Message} (status {Status}).";
}

/// <summary>The meeting service did not answer usefully. <see cref="Why"/> is safe to show and to log.</summary>
public sealed record UpstreamUnreachable(DatePeriod Window, UnreachableReason Why) : UpstreamFailure(Window)
{
    /// <summary>A failure known only by a sentence (the archive's note on a month).</summary>
    public UpstreamUnreachable(DatePeriod window, string reason)
        : this(window, UnreachableReason.Noted(reason))
    {
    }

    public override UpstreamFailureKind Kind => UpstreamFailureKind.Unreachable;

    /// <summary>The reason in English (logs, tests); pages word <see cref="Why"/> in the reader's language.</summary>
    public string Reason => Why.Describe();

    public override string Describe() => Why.IsArchiveNote
        ? $"The month {Window} was not archived: {Reason}."
        : $"The meeting service did not answer for {Window}: {Reason}.";
}

/// <summary>The answer covered <see cref="Answered"/> instead of the <see cref="UpstreamFailure.Window"/> asked.</summary>
public sealed record UpstreamPeriodCutShort(DatePeriod Window, DatePeriod Answered) : UpstreamFailure(Window)
{
    public override UpstreamFailureKind Kind => UpstreamFailureKind.PeriodCutShort;

    public override string Describe() =>
        $"The meeting service cut this period short: asked for {Window}, it answered for {Answered}.";
}

/// <summary>Thrown only inside Core (and by enumerations) to carry a failure; pages receive <see cref="UpstreamResult{T}"/>.</summary>
public sealed class UpstreamException(UpstreamFailure failure)
    : Exception(failure.Describe())
{
    public UpstreamFailure Failure { get; } = failure;
}
