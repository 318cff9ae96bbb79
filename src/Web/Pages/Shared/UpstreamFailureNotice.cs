using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Web.Pages.Shared;

/// <summary>What _UpstreamFailure shows: why the upstream gave no complete answer, and what had been asked.</summary>
internal sealed record UpstreamFailureNotice(UpstreamFailure Failure, DateOnly From, DateOnly To, string? Room, string RequestId);
