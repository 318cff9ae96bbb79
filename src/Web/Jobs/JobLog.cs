namespace UMeetingReports.Web.Jobs;

/// <summary>What <see cref="JobRegistry{TJob}"/> logs, in the category of the use that owns the registry.</summary>
internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} job {JobId} started for {Owner}")]
    public static partial void Started(ILogger logger, string kind, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} job refused for {Owner}: {Unfinished} of theirs are waiting or running")]
    public static partial void Refused(ILogger logger, string kind, string owner, int unfinished);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} job {JobId} of {Owner} was cancelled")]
    public static partial void Cancelled(ILogger logger, string kind, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} job {JobId} of {Owner} broke off")]
    public static partial void Broke(ILogger logger, Exception exception, string kind, string jobId, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} job {JobId} of {Owner} was forgotten {Seconds} s after it ended")]
    public static partial void Expired(ILogger logger, string kind, string jobId, string owner, long seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {Kind} job {JobId} of {Owner}: nobody looked at it for {Seconds} s")]
    public static partial void Abandoned(ILogger logger, string kind, string jobId, string owner, long seconds);
}
