using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Core.Upstream.Wire;

namespace UMeetingReports.Core.Rooms;

/// <summary>
/// Room names from /umeeting/share/rooms. Names are decoration: any trouble gives <see cref="RoomList.Unknown"/>
/// and a warning, and the reports fall back to host ids.
/// </summary>
internal sealed partial class RoomDirectory(
    IUMeetingApi api,
    IOptions<UMeetingOptions> options,
    IUpstreamEndpoint endpoint,
    UpstreamGate gate,
    HybridCache cache,
    UpstreamDeadline deadline,
    ILogger<RoomDirectory> logger) : IRoomDirectory
{
    public async Task<RoomList> GetRoomsAsync(CancellationToken cancellationToken)
    {
        using var limit = deadline.Join(cancellationToken);
        try
        {
            return await GetWithinAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.HasPassed && !cancellationToken.IsCancellationRequested)
        {
            LogRoomsUnavailable(logger, deadline.Reason);
            return RoomList.Unknown;
        }
    }

    private async Task<RoomList> GetWithinAsync(CancellationToken cancellationToken)
    {
        var lifetime = options.Value.RoomsCacheDuration;
        try
        {
            if (lifetime <= TimeSpan.Zero)
            {
                return (await FetchAsync(cancellationToken).ConfigureAwait(false)).Rooms;
            }

            var cached = await cache.GetOrCreateAsync(
                CacheKey(),
                this,
                static async (directory, token) => await directory.FetchAsync(token).ConfigureAwait(false),
                new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime },
                tags: null,
                cancellationToken).ConfigureAwait(false);
            return cached.Rooms;
        }
        catch (RoomsUnavailableException exception)
        {
            LogRoomsUnavailable(logger, exception.Message);
            return RoomList.Unknown;
        }
    }

    private string CacheKey()
    {
        var account = $"{endpoint.BaseAddress}\n{options.Value.ApiKey}";
        return "umeeting:rooms:" + AccountHash.Of(account);
    }

    private async Task<CachedRooms> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var form = UpstreamForm.Credentials(settings);
        var answer = await gate.RunAsync(
            token => UpstreamTransport.SendAsync(t => api.GetRoomsAsync(form, t), WireJsonContext.Default.RoomsEnvelope, token),
            cancellationToken).ConfigureAwait(false);

        // Thrown rather than returned so that HybridCache keeps only a list that was really answered.
        if (answer.Envelope is not { } envelope)
        {
            throw new RoomsUnavailableException(answer.FailureReason ?? "no answer");
        }

        if (envelope.Status != 200)
        {
            throw new RoomsUnavailableException($"status {envelope.Status}: {UpstreamPageSource.Scrub(envelope.Message, settings)}");
        }

        if (envelope.Data is null)
        {
            throw new RoomsUnavailableException("the answer had no data");
        }

        var rooms = envelope.Data
            .Where(room => !string.IsNullOrEmpty(room.Id))
            .Select(room => new Room(room.Id!, string.IsNullOrWhiteSpace(room.FirstName) ? room.Id! : room.FirstName.Trim(), room.MeetingCapacity))
            .ToList();
        return new CachedRooms(new RoomList(rooms, IsKnown: true));
    }

    [ImmutableObject(true)]
    private sealed record CachedRooms(RoomList Rooms);

    private sealed class RoomsUnavailableException(string reason) : Exception(reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Room names are not available, host ids are shown instead: {Reason}")]
    private static partial void LogRoomsUnavailable(ILogger logger, string reason);
}
