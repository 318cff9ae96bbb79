namespace UMeetingReports.Web.Hosting;

/// <summary>
/// Logging:Json=true: one JSON object per line on the console (the built-in JSON formatter), for a log collector,
/// instead of the human-readable lines. The messages are the same source-generated ones: no secret and no full phone
/// number is ever logged, whatever the format.
/// </summary>
internal static class JsonLogging
{
    public static ILoggingBuilder AddJsonWhenAsked(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>("Logging:Json"))
        {
            return logging;
        }

        return logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.IncludeScopes = false;
            });
    }
}
