using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream.Wire;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Fetches one upstream page of one window, checks it and caches it. Only complete, checked pages are cached:
/// a failure is returned to the caller and asked again next time.
/// </summary>
internal sealed partial class UpstreamPageSource(
    IUMeetingApi api,
    IOptions<UMeetingOptions> options,
    IUpstreamEndpoint endpoint,
    UpstreamZone zone,
    UpstreamGate gate,
    HybridCache cache,
    UpstreamDeadline deadline,
    ILogger<UpstreamPageSource> logger)
{
    /// <summary>A read that uses the cache but adds nothing to it (<see cref="PageCaching.ReadOnly"/>).</summary>
    private const HybridCacheEntryFlags NotKept = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite;

    public async Task<UpstreamResult<UpstreamPage>> GetAsync(
        MeetingQuery query, DatePeriod window, int pageSize, int pageNumber, PageCaching caching, CancellationToken cancellationToken)
    {
        using var limit = deadline.Join(cancellationToken);
        try
        {
            return await GetWithinAsync(query, window, pageSize, pageNumber, caching, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasPassed && !cancellationToken.IsCancellationRequested)
        {
            var failure = new UpstreamUnreachable(window, deadline.Reason);
            LogPageOutOfTime(logger, window, pageNumber, pageSize, failure.Reason);
            return UpstreamResult<UpstreamPage>.Failed(failure);
        }
    }

    private async Task<UpstreamResult<UpstreamPage>> GetWithinAsync(
        MeetingQuery query, DatePeriod window, int pageSize, int pageNumber, PageCaching caching, CancellationToken cancellationToken)
    {
        var lifetime = CacheLifetime(window);
        if (lifetime <= TimeSpan.Zero)
        {
            return await FetchAsync(query, window, pageSize, pageNumber, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var page = await cache.GetOrCreateAsync(
                CacheKey(query, window, pageSize, pageNumber),
                (Source: this, Query: query, Window: window, PageSize: pageSize, PageNumber: pageNumber, Tally: UpstreamRequestTally.Capture()),
                static async (state, token) =>
                {
                    // The cache runs this apart from the caller's flow: the caller's request count goes along by hand.
                    using var tally = UpstreamRequestTally.Resume(state.Tally);
                    var fetched = await state.Source.FetchAsync(state.Query, state.Window, state.PageSize, state.PageNumber, token).ConfigureAwait(false);
                    // Throwing is how HybridCache is told not to keep a value.
                    return fetched.Succeeded ? fetched.Value : throw new UpstreamException(fetched.Failure);
                },
                new HybridCacheEntryOptions
                {
                    Expiration = lifetime,
                    LocalCacheExpiration = lifetime,
                    Flags = caching == PageCaching.ReadOnly ? NotKept : HybridCacheEntryFlags.None,
                },
                tags: null,
                cancellationToken).ConfigureAwait(false);
            return UpstreamResult<UpstreamPage>.Success(page);
        }
        catch (UpstreamException exception)
        {
            return UpstreamResult<UpstreamPage>.Failed(exception.Failure);
        }
    }

    /// <summary>
    /// A window that ended before today (in the upstream's zone) no longer changes and is kept long; one that
    /// contains today, or lies ahead, still fills up and is kept briefly.
    /// </summary>
    internal TimeSpan CacheLifetime(DatePeriod window) =>
        window.To < zone.Today ? options.Value.PastWindowCacheDuration : options.Value.CurrentWindowCacheDuration;

    /// <summary>Every parameter of the call but the secret; the account (base address and a hash of the key) keeps two accounts apart.</summary>
    internal string CacheKey(MeetingQuery query, DatePeriod window, int pageSize, int pageNumber)
    {
        var account = $"{endpoint.BaseAddress}\n{options.Value.ApiKey}\n{query.HostId}\n{query.Uuid}\n{query.ShowParticipants}\n{query.ShowTelephonyUsage}";
        var hash = AccountHash.Of(account);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"umeeting:detail:{window.From:yyyyMMdd}-{window.To:yyyyMMdd}:{pageSize}:{pageNumber}:{hash}");
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
            return Failed(new UpstreamUnreachable(window, answer.FailureReason ?? "no answer"));
        }

        if (envelope.Status != 200)
        {
            return Failed(new UpstreamRejected(window, envelope.Status, Scrub(envelope.Message, credentials)));
        }

        if (envelope.Data is not { } data)
        {
            return Failed(new UpstreamUnreachable(window, "the answer had no data"));
        }

        if (WireMapper.ReadEcho(data) is not { } answered)
        {
            return Failed(new UpstreamUnreachable(window, "the answer did not say which period it covers"));
        }

        if (answered != window)
        {
            return Failed(new UpstreamPeriodCutShort(window, answered));
        }

        // A service that quietly serves smaller pages than asked would shift every record after the first page.
        if (data.PageSize > 0 && data.PageSize != pageSize)
        {
            return Failed(new UpstreamUnreachable(
                window,
                string.Create(CultureInfo.InvariantCulture, $"it answered pages of {data.PageSize} records when {pageSize} were asked (lower UMeeting:MaxPageSize)")));
        }

        IReadOnlyList<Meeting> meetings;
        try
        {
            meetings = WireMapper.ToMeetings(data.Meetings, zone);
        }
        catch (WireFormatException exception)
        {
            return Failed(new UpstreamUnreachable(window, $"the answer did not follow the documented format ({exception.Message})"));
        }

        // A page that holds fewer records than its own total promises would silently drop meetings from a report.
        var totalRecord = Math.Max(0, data.TotalRecord);
        var promised = (int)Math.Clamp(totalRecord - ((long)pageNumber - 1) * pageSize, 0, pageSize);
        if (meetings.Count != promised)
        {
            return Failed(new UpstreamUnreachable(
                window,
                string.Create(CultureInfo.InvariantCulture, $"page {pageNumber} held {meetings.Count} meetings where its total of {totalRecord} promises {promised}")));
        }

        return UpstreamResult<UpstreamPage>.Success(new UpstreamPage(window, pageNumber, pageSize, totalRecord, meetings));

        static UpstreamResult<UpstreamPage> Failed(UpstreamFailure failure) => UpstreamResult<UpstreamPage>.Failed(failure);
    }

    /// <summary>The upstream's message is shown to users; should it ever quote the secret, the secret goes no further.</summary>
    internal static string Scrub(string? message, string secret)
    {
        var text = string.IsNullOrWhiteSpace(message) ? "no reason given" : message.Trim();
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
