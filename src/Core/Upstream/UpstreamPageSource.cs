using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream.Wire;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Fetches one upstream page of one window and checks it. Nothing is kept: the archive is the app's copy of the
/// service's data, and the synchroniser its only regular reader.
/// </summary>
internal sealed partial class UpstreamPageSource(
    IUMeetingApi api,
    IOptions<UMeetingOptions> options,
    UpstreamZone zone,
    UpstreamGate gate,
    UpstreamDeadline deadline,
    ILogger<UpstreamPageSource> logger)
{
    public async Task<UpstreamResult<UpstreamPage>> GetAsync(
        MeetingQuery query, DatePeriod window, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        using var limit = deadline.Join(cancellationToken);
        try
        {
            return await FetchAsync(query, window, pageSize, pageNumber, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasPassed && !cancellationToken.IsCancellationRequested)
        {
            var failure = new UpstreamUnreachable(window, deadline.Why);
            LogPageOutOfTime(logger, window, pageNumber, pageSize, failure.Reason);
            return UpstreamResult<UpstreamPage>.Failed(failure);
        }
    }

    private async Task<UpstreamResult<UpstreamPage>> FetchAsync(
        MeetingQuery query, DatePeriod window, int pageSize, int pageNumber, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var form = UpstreamForm.Detail(settings, query, window, pageSize, pageNumber);
        var started = Stopwatch.GetTimestamp();
        var answer = await gate.RunAsync(
            token => UpstreamTransport.SendAsync(t => api.GetDetailAsync(form, t), WireJsonContext.Default.DetailEnvelope, token),
            cancellationToken).ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var result = Check(answer, window, pageSize, pageNumber, settings);
        if (result.Succeeded)
        {
            LogPageFetched(logger, window, pageNumber, pageSize, elapsed, result.Value.Meetings.Count, result.Value.TotalRecord);
        }
        else
        {
            LogPageFailed(logger, window, pageNumber, pageSize, elapsed, result.Failure.Kind, result.Failure.Describe());
        }

        return result;
    }

    private UpstreamResult<UpstreamPage> Check(TransportResult<DetailEnvelope> answer, DatePeriod window, int pageSize, int pageNumber, UMeetingOptions credentials)
    {
        if (answer.Envelope is not { } envelope)
        {
            return Failed(new UpstreamUnreachable(window, answer.Failure ?? new UnreachableReason(UnreachableCause.NoAnswer)));
        }

        if (envelope.Status != 200)
        {
            return Failed(new UpstreamRejected(window, envelope.Status, Scrub(envelope.Message, credentials)));
        }

        if (envelope.Data is not { } data)
        {
            return Failed(new UpstreamUnreachable(window, new UnreachableReason(UnreachableCause.NoData)));
        }

        if (WireMapper.ReadEcho(data) is not { } answered)
        {
            return Failed(new UpstreamUnreachable(window, new UnreachableReason(UnreachableCause.NoPeriod)));
        }

        if (answered != window)
        {
            return Failed(new UpstreamPeriodCutShort(window, answered));
        }

        // A service that quietly serves smaller pages than asked would shift every record after the first page.
        if (data.PageSize > 0 && data.PageSize != pageSize)
        {
            return Failed(new UpstreamUnreachable(window, UnreachableReason.Of(UnreachableCause.PageSizeDiffers, data.PageSize, pageSize)));
        }

        IReadOnlyList<Meeting> meetings;
        try
        {
            meetings = WireMapper.ToMeetings(data.Meetings, zone);
        }
        catch (WireFormatException exception)
        {
            return Failed(new UpstreamUnreachable(window, new UnreachableReason(UnreachableCause.NotDocumentedFormat, exception.Message)));
        }

        // A page that holds fewer records than its own total promises would silently drop meetings from a report.
        var totalRecord = Math.Max(0, data.TotalRecord);
        var promised = (int)Math.Clamp(totalRecord - ((long)pageNumber - 1) * pageSize, 0, pageSize);
        if (meetings.Count != promised)
        {
            return Failed(new UpstreamUnreachable(window, UnreachableReason.Of(UnreachableCause.PageShort, pageNumber, meetings.Count, totalRecord, promised)));
        }

        return UpstreamResult<UpstreamPage>.Success(new UpstreamPage(window, pageNumber, pageSize, totalRecord, meetings));

        static UpstreamResult<UpstreamPage> Failed(UpstreamFailure failure) => UpstreamResult<UpstreamPage>.Failed(failure);
    }

    /// <summary>The upstream's message is shown to users; should it ever quote the secret, the secret goes no further.</summary>
    internal static string Scrub(string? message, string secret)
    {
        var text = string.IsNullOrWhiteSpace(message) ? UpstreamRejected.NoReasonGiven : message.Trim();
        return string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
    }

    /// <summary>As <see cref="Scrub(string?, string)"/>, for both credentials: the key names the account and stays out of pages and logs too.</summary>
    internal static string Scrub(string? message, UMeetingOptions credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        // The secret first: should it contain the key, replacing the key first would leave the rest of it showing.
        var text = Scrub(message, credentials.ApiSecret);
        return Scrub(text, credentials.ApiKey);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upstream page {PageNumber} (size {PageSize}) of {Window} answered in {ElapsedMilliseconds} ms: {Count} of {TotalRecord} meetings")]
    private static partial void LogPageFetched(ILogger logger, DatePeriod window, int pageNumber, int pageSize, long elapsedMilliseconds, int count, int totalRecord);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream page {PageNumber} (size {PageSize}) of {Window} not read: {Reason}")]
    private static partial void LogPageOutOfTime(ILogger logger, DatePeriod window, int pageNumber, int pageSize, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream page {PageNumber} (size {PageSize}) of {Window} failed after {ElapsedMilliseconds} ms ({Kind}): {Reason}")]
    private static partial void LogPageFailed(ILogger logger, DatePeriod window, int pageNumber, int pageSize, long elapsedMilliseconds, UpstreamFailureKind kind, string reason);
}
