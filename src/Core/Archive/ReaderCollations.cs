using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using UMeetingReports.Core.Reports;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Lets the database put text in a reader's order (<see cref="TextOrder"/>) where the order must be the database's,
/// because only it sees every row: a page of meetings sorted by topic. Pinyin for a Chinese reader, as the pages'
/// other lists are.
/// <list type="bullet">
/// <item>SQLite knows no language: the reader's <see cref="TextOrder"/> is registered on the query's connection as a
/// collation of its own (SQLite calls back into .NET for each comparison; Microsoft.Data.Sqlite removes it when the
/// connection goes back to the pool).</item>
/// <item>PostgreSQL compares with ICU, as .NET does on Linux: the server's ICU collation of the reader's language
/// (<c>zh-Hans-x-icu</c> for zh-CN, <c>en-x-icu</c>, <c>und-x-icu</c> for the invariant culture), looked up once per
/// language. A server built without ICU has none, and the database's own order is used.</item>
/// </list>
/// Both break ties between texts the language finds equal by their code points (the .NET order compares them
/// ordinally; PostgreSQL's deterministic collations compare their bytes), so the order is total and the same on both.
/// </summary>
internal sealed class ReaderCollations
{
    private readonly ConcurrentDictionary<string, string?> _serverCollations = new(StringComparer.Ordinal);

    /// <summary>
    /// The name of the collation that orders text as <paramref name="order"/> does on <paramref name="context"/>'s
    /// database, ready for <see cref="EF.Functions"/>' Collate in the context's next queries; null when the database
    /// has none (its own order then applies). On SQLite this opens the context's connection and keeps it open.
    /// </summary>
    public async Task<string?> PrepareAsync(ArchiveContext context, TextOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(order);
        if (context is SqliteArchiveContext)
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var name = SqliteName(order);
            ((SqliteConnection)context.Database.GetDbConnection()).CreateCollation(name, order, static (order, x, y) => order.Compare(x, y));
            return name;
        }

        if (_serverCollations.TryGetValue(order.Culture.Name, out var known))
        {
            return known;
        }

        var candidates = ServerCandidates(order.Culture);
        var present = await context.Database
            .SqlQuery<string>($"SELECT collname::text AS \"Value\" FROM pg_catalog.pg_collation WHERE collprovider = 'i' AND collname = ANY({candidates})")
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var chosen = candidates.FirstOrDefault(present.Contains);
        _serverCollations[order.Culture.Name] = chosen;
        return chosen;
    }

    /// <summary>text_order_zh_CN, text_order_en, text_order_invariant: a plain identifier, as SQL names a collation.</summary>
    internal static string SqliteName(TextOrder order) =>
        "text_order_" + (order.Culture.Name.Length == 0 ? "invariant" : order.Culture.Name.Replace('-', '_'));

    /// <summary>
    /// PostgreSQL's ICU collations of a culture, the most specific first, as the culture's parents run: zh-CN-x-icu (not
    /// a name PostgreSQL makes; it names zh-Hans-CN), zh-Hans-x-icu, zh-x-icu; en-x-icu; und-x-icu for the invariant
    /// culture, ICU's root order.
    /// </summary>
    internal static string[] ServerCandidates(CultureInfo culture)
    {
        var names = new List<string>();
        for (var current = culture; current.Name.Length > 0; current = current.Parent)
        {
            names.Add(current.Name + "-x-icu");
        }

        if (names.Count == 0)
        {
            names.Add("und-x-icu");
        }

        return [.. names];
    }
}
