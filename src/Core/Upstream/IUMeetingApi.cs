using Refit;
using UMeetingReports.Core.Upstream.Wire;

namespace UMeetingReports.Core.Upstream;

/// <summary>
/// The vendor's endpoints. Every call is a POST of an HTML form, so the credentials travel in the body and
/// never in a URL. Responses come back as <see cref="IApiResponse{T}"/> so that HTTP errors, broken
/// connections and bodies that are not JSON arrive as values to classify, not as exceptions to guess at.
/// </summary>
internal interface IUMeetingApi
{
    [Post("/umeeting/share/detail")]
    Task<IApiResponse<DetailEnvelope>> GetDetailAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);

    [Post("/umeeting/share/rooms")]
    Task<IApiResponse<RoomsEnvelope>> GetRoomsAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken);
}
