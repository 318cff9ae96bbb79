using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Simulator.Http;

/// <summary>
/// Answers /umeeting/share/detail and /umeeting/share/rooms. Order of work: log the request, apply transport
/// faults (latency, hang, HTTP errors), check credentials, check parameters, then answer from the data set,
/// possibly spoilt by a body fault (rejected envelope, cut-short echo, empty page, broken JSON).
/// </summary>
internal sealed partial class SimulatorEndpoint(
    SimulatorDataset dataset,
    IOptions<SimulatorOptions> options,
    SimulatorFaults faults,
    SimulatorRequestLog requests,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<SimulatorEndpoint> logger)
{
    public const string DetailPath = "/umeeting/share/detail";

    public const string RoomsPath = "/umeeting/share/rooms";

    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly SimulatorOptions _options = options.Value;
    private readonly Lock _failureGate = new();
    private readonly SeededRandom _failureDraws = SeededRandom.For(options.Value.Seed, stream: -3);

    public async Task HandleDetailAsync(HttpContext context)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        try
        {
            var fields = await RequestFields.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
            var parameters = DetailParameters.Parse(fields, _options.MaxPageSize, dataset.Today);
            var request = parameters.ToRequest(DetailPath, clock.GetUtcNow());
            requests.Record(request);

            var (answered, fault) = await ApplyTransportFaultsAsync(context, request, cancellationToken).ConfigureAwait(false);
            if (answered)
            {
                return;
            }

            using var body = new PooledBufferWriter(16 * 1024);
            if (fields.BodyUnreadable)
            {
                UpstreamJson.WriteFailure(body, EnvelopeStatus.BadParameter, RequestFields.BodyUnreadableMessage);
            }
            else if (!fields.HasCredentials(_options.ApiKey, _options.ApiSecret))
            {
                LogCredentialsRefused(logger, DetailPath);
                UpstreamJson.WriteFailure(body, EnvelopeStatus.InvalidCredentials, EnvelopeStatus.InvalidCredentialsMessage);
            }
            else if (parameters.Problem is { } problem)
            {
                LogParameterRefused(logger, DetailPath, problem);
                UpstreamJson.WriteFailure(body, EnvelopeStatus.BadParameter, problem);
            }
            else if (fault?.Kind == FaultKind.Rejected)
            {
                UpstreamJson.WriteFailure(body, fault.Status ?? EnvelopeStatus.Busy, fault.Message ?? EnvelopeStatus.BusyMessage);
            }
            else
            {
                UpstreamJson.WriteDetail(body, Answer(parameters, fault?.Kind));
            }

            await SendJsonAsync(context.Response, body.WrittenMemory, fault?.Kind == FaultKind.MalformedJson, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up (or the host is stopping) while a fault held the request: nothing left to answer.
        }
    }

    public async Task HandleRoomsAsync(HttpContext context)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        try
        {
            var fields = await RequestFields.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
            var request = new SimulatorRequest(RoomsPath, null, null, null, null, false, false, 0, 0, clock.GetUtcNow());
            requests.Record(request);

            var (answered, fault) = await ApplyTransportFaultsAsync(context, request, cancellationToken).ConfigureAwait(false);
            if (answered)
            {
                return;
            }

            using var body = new PooledBufferWriter(4 * 1024);
            if (fields.BodyUnreadable)
            {
                UpstreamJson.WriteFailure(body, EnvelopeStatus.BadParameter, RequestFields.BodyUnreadableMessage);
            }
            else if (!fields.HasCredentials(_options.ApiKey, _options.ApiSecret))
            {
                LogCredentialsRefused(logger, RoomsPath);
                UpstreamJson.WriteFailure(body, EnvelopeStatus.InvalidCredentials, EnvelopeStatus.InvalidCredentialsMessage);
            }
            else if (fault?.Kind == FaultKind.Rejected)
            {
                UpstreamJson.WriteFailure(body, fault.Status ?? EnvelopeStatus.Busy, fault.Message ?? EnvelopeStatus.BusyMessage);
            }
            else
            {
                var rooms = fault?.Kind == FaultKind.EmptyPage ? [] : dataset.Rooms;
                UpstreamJson.WriteRooms(body, rooms, dataset.UpcomingMeetings);
            }

            await SendJsonAsync(context.Response, body.WrittenMemory, fault?.Kind == FaultKind.MalformedJson, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up (or the host is stopping) while a fault held the request: nothing left to answer.
        }
    }

    private DetailAnswer Answer(DetailParameters parameters, FaultKind? fault)
    {
        var to = parameters.To ?? dataset.Today;
        var from = parameters.From ?? dataset.Today;

        // The vendor's cap: a period over one month is answered, silently, with the month that ends on "to".
        var earliest = to.AddMonths(-1).AddDays(1);
        if (_options.OneMonthCut && from < earliest)
        {
            from = earliest;
        }

        if (fault == FaultKind.CutShortEcho)
        {
            from = from.AddDays(Math.Max(1, (to.DayNumber - from.DayNumber) / 2));
        }

        IReadOnlyList<SimulatedMeeting> matching = fault == FaultKind.Forgotten ? [] : dataset.MeetingsBetween(from, to, parameters.HostId);
        if (parameters.Uuid is { } uuid)
        {
            matching = matching.Where(meeting => string.Equals(meeting.Uuid, uuid, StringComparison.Ordinal)).ToArray();
        }

        var skip = (long)(parameters.PageNumber - 1) * parameters.PageSize;
        IReadOnlyList<SimulatedMeeting> page = fault == FaultKind.EmptyPage || skip >= matching.Count
            ? []
            : matching.Skip((int)skip).Take(parameters.PageSize).ToArray();

        return new DetailAnswer(from, to, matching.Count, parameters.PageNumber, parameters.PageSize, page, parameters.ShowParticipants, parameters.ShowTelephonyUsage);
    }

    /// <summary>
    /// Waits out latency and hangs, answers HTTP-level faults itself (answered = true), and hands a body fault on.
    /// </summary>
    private async Task<(bool Answered, FaultRule? Fault)> ApplyTransportFaultsAsync(HttpContext context, SimulatorRequest request, CancellationToken cancellationToken)
    {
        FaultRule? fromHeader = null;
        var header = context.Request.Headers[FaultHeader.Name].ToString();
        if (header.Length > 0 && !FaultHeader.TryParse(header, out fromHeader, out var problem))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(problem!, cancellationToken).ConfigureAwait(false);
            return (true, null);
        }

        var headerLatency = fromHeader?.Kind == FaultKind.Latency ? fromHeader.Delay ?? FaultRule.DefaultLatency : TimeSpan.Zero;
        var headerDecides = fromHeader is not null && fromHeader.Kind != FaultKind.Latency;
        var plan = faults.Take(request, includeTerminal: !headerDecides);
        var fault = headerDecides ? fromHeader : plan.Fault;
        if (fault is null && DrawFailure())
        {
            fault = new FaultRule(FaultKind.ServerError);
        }

        var delay = TimeSpan.FromMilliseconds(_options.LatencyMilliseconds) + plan.Delay + headerLatency;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }

        if (fault is null)
        {
            return (false, null);
        }

        LogFaultApplied(logger, fault.Kind, request.Path);
        switch (fault.Kind)
        {
            case FaultKind.Timeout:
                await Task.Delay(fault.Delay ?? FaultRule.DefaultTimeout, clock, cancellationToken).ConfigureAwait(false);
                return (false, null);
            case FaultKind.ServerError:
                context.Response.StatusCode = fault.Status ?? StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<html><body><h1>Service Unavailable</h1></body></html>", cancellationToken).ConfigureAwait(false);
                return (true, null);
            case FaultKind.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = (fault.RetryAfterSeconds ?? 1).ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Too Many Requests", cancellationToken).ConfigureAwait(false);
                return (true, null);
            default:
                return (false, fault);
        }
    }

    private bool DrawFailure()
    {
        if (_options.FailureRate <= 0)
        {
            return false;
        }

        lock (_failureGate)
        {
            return _failureDraws.NextDouble() < _options.FailureRate;
        }
    }

    private static async Task SendJsonAsync(HttpResponse response, ReadOnlyMemory<byte> body, bool truncate, CancellationToken cancellationToken)
    {
        // A body cut off half way, as when a proxy drops the connection mid-answer.
        var sent = truncate ? body[..(body.Length / 2)] : body;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = sent.Length;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(sent, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator applies fault {Kind} to {Path}")]
    private static partial void LogFaultApplied(ILogger logger, FaultKind kind, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator refused credentials on {Path}")]
    private static partial void LogCredentialsRefused(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulator refused a parameter on {Path}: {Problem}")]
    private static partial void LogParameterRefused(ILogger logger, string path, string problem);
}
