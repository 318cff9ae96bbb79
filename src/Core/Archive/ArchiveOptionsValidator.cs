using System.Data.Common;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Archive;

/// <summary>Checks the archive's settings at start, each failure a sentence that names its setting.</summary>
internal sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        var provider = ArchiveDatabase.ParseProvider(options.Provider);
        if (provider is null)
        {
            failures.Add($"Archive:Provider is '{options.Provider}': set it to {ArchiveOptions.SqliteProvider} (the default, a file under the app's folder) or {ArchiveOptions.PostgreSqlProvider}.");
        }
        else if (provider == ArchiveProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("ConnectionStrings:Archive is empty: with Archive:Provider=PostgreSQL set it to the server's connection string, e.g. Host=db;Database=umeeting;Username=umeeting;Password=….");
        }
        else if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
                _ = ArchiveDatabase.Describe(provider.Value, options.ConnectionString);
            }
            catch (ArgumentException exception)
            {
                failures.Add($"ConnectionStrings:Archive is not a valid {options.Provider} connection string: {exception.Message}");
            }
        }

        if (options.RefreshInterval < TimeSpan.FromSeconds(10) || options.RefreshInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"Archive:RefreshInterval is {options.RefreshInterval}: it must be between 00:00:10 and 1.00:00:00 (how often the current month is read again).");
        }

        if (options.SettleAfter < TimeSpan.Zero || options.SettleAfter > TimeSpan.FromDays(90))
        {
            failures.Add($"Archive:SettleAfter is {options.SettleAfter}: it must be between 00:00:00 and 90.00:00:00 (how long after a month ends it is read a last time).");
        }

        if (options.ConcurrentWindows is < 1 or > 8)
        {
            failures.Add($"Archive:ConcurrentWindows is {options.ConcurrentWindows}: it must be between 1 and 8.");
        }

        if (options.Since is { } since && since.Year < 2000)
        {
            failures.Add($"Archive:Since is {since:yyyy-MM-dd}: it must be a date in 2000 or later, e.g. 2024-01-01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
