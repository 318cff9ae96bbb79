namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>What every upstream answer carries: <c>status</c> 200 or a refusal with its <c>message</c>.</summary>
internal interface IEnvelope
{
    int Status { get; }

    string? Message { get; }
}
