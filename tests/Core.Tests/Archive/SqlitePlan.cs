using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Archive;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// How SQLite would run a LINQ query on the archive: the steps of <c>EXPLAIN QUERY PLAN</c> ("SEARCH m USING INDEX …",
/// "CORRELATED SCALAR SUBQUERY 1"), the query's parameters bound as EF Core would bind them. A plan, unlike a timing,
/// says the same on a busy machine.
/// </summary>
internal static partial class SqlitePlan
{
    public static async Task<IReadOnlyList<string>> OfAsync<T>(ArchiveContext context, IQueryable<T> query)
    {
        // EF Core writes the parameters of a SQLite query as the sqlite3 shell's ".param set @name value" lines.
        var lines = query.ToQueryString().Split('\n');
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var match in lines.Select(line => Parameter().Match(line)).Where(match => match.Success))
        {
            command.Parameters.AddWithValue(match.Groups["name"].Value, Value(match.Groups["value"].Value));
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private static object Value(string written) =>
        written.StartsWith('\'') ? written[1..^1].Replace("''", "'", StringComparison.Ordinal)
        : long.TryParse(written, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
        : written;

    [GeneratedRegex(@"^\.param set (?<name>@\S+) (?<value>.*)$")]
    private static partial Regex Parameter();
}
