using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// Every log line the server writes, at Debug and above, whatever the configured levels say: the message as
/// formatted, each structured value (a value kept out of the message text still reaches a log store), the scopes
/// and the exception with its stack. One line per entry, for searching.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, this);

    /// <summary>
    /// The exception logged for the request whose page showed <paramref name="requestId"/> (a W3C id, 00-trace-span-01):
    /// its type, message and the first frame in the app's own code, for a failure message that names the defect.
    /// </summary>
    public string? ExceptionFor(string? requestId)
    {
        var trace = requestId?.Split('-') is [_, var id, ..] ? id : null;
        return trace is null ? null : Summary(Lines.FirstOrDefault(candidate => candidate.Contains(trace, StringComparison.Ordinal) && candidate.Contains("Exception: ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The last exception logged for a request to <paramref name="path"/>: for a 500 with an empty body, when even the
    /// error page failed and there is no request id to go by (the security tests send one request at a time).
    /// </summary>
    public string? LastExceptionAt(string path) =>
        Summary(Lines.LastOrDefault(candidate => candidate.Contains($"RequestPath={path} ", StringComparison.Ordinal) && candidate.Contains("Exception: ", StringComparison.Ordinal)));

    private static string? Summary(string? line)
    {
        if (line is null)
        {
            return null;
        }

        var exception = line[(line.LastIndexOf(" | ", StringComparison.Ordinal) + 3)..];
        var first = exception.Split('\n')[0].Trim();
        var frame = exception.Split('\n').Select(text => text.Trim()).FirstOrDefault(text => text.StartsWith("at UMeetingReports.", StringComparison.Ordinal));
        return frame is null ? first : $"{first} {frame}";
    }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}");
            AppendValues(line, " | ", state);
            capture._scopes.ForEachScope(static (scope, text) => AppendValues(text, " | scope ", scope), line);
            if (exception is not null)
            {
                line.Append(" | ").Append(exception);
            }

            capture._lines.Enqueue(line.ToString());
        }

        private static void AppendValues(StringBuilder line, string separator, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(separator).Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }
            else if (state is not null)
            {
                line.Append(separator).Append(Convert.ToString(state, CultureInfo.InvariantCulture));
            }
        }
    }
}
