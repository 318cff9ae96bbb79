using System.Globalization;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Upstream;

/// <summary>The rules data annotations cannot express; each failure is a sentence that names the setting.</summary>
internal sealed class UMeetingOptionsValidator : IValidateOptions<UMeetingOptions>
{
    public ValidateOptionsResult Validate(string? name, UMeetingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"UMeeting:TimeZone '{options.TimeZone}' is not a known time zone: use an IANA id such as Asia/Shanghai.");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl)
            && (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"UMeeting:BaseUrl '{options.BaseUrl}' is not an absolute http or https address, e.g. https://api.systeccloud.com.");
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add($"UMeeting:TotalTimeout ({options.TotalTimeout}) must not be shorter than UMeeting:AttemptTimeout ({options.AttemptTimeout}).");
        }

        // Attempts wait for their turn inside the attempt time-out, so the longest wait (every call the gate lets
        // through queued for the rate limit) must leave the upstream most of that time to answer.
        if (options.RequestsPerSecond > 0 && options.MaxConcurrency > 0
            && TimeSpan.FromSeconds((double)options.MaxConcurrency / options.RequestsPerSecond) * 2 > options.AttemptTimeout)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"UMeeting:RequestsPerSecond ({options.RequestsPerSecond}) is too low for UMeeting:MaxConcurrency ({options.MaxConcurrency}): a call may wait {(double)options.MaxConcurrency / options.RequestsPerSecond:0.##} s for its turn, which must stay under half of UMeeting:AttemptTimeout ({options.AttemptTimeout}); raise RequestsPerSecond or AttemptTimeout, or lower MaxConcurrency."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
