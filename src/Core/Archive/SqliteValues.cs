using System.Globalization;
using SQLitePCL;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Binds a value onto a prepared SQLite statement exactly as Microsoft.Data.Sqlite binds a parameter of the same value
/// (its SqliteValueBinder), so that a row inserted in bulk and one saved by EF Core hold the same types and the same
/// text (tests/Core.Tests/Archive/BulkRowsTests.cs compares them column by column): times as "yyyy-MM-dd
/// HH:mm:ss.FFFFFFF" (which the reports compare as text), days as "yyyy-MM-dd", decimals as "0.0###…", integers and
/// booleans as integers. Only the types the archive's entities store are known; any other is refused rather than
/// written differently.
/// </summary>
internal static class SqliteValues
{
    private const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string DayFormat = @"yyyy\-MM\-dd";
    private const string DecimalFormat = "0.0###########################";

    /// <summary>Binds <paramref name="value"/> (a provider value, after the column's converter) to parameter <paramref name="index"/> (from 1).</summary>
    public static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        DateTime time when time.Kind == DateTimeKind.Unspecified => BindText(statement, index, time, TimeFormat),
        DateOnly day => BindText(statement, index, day, DayFormat),
        decimal amount => BindText(statement, index, amount, DecimalFormat),
        _ => throw new NotSupportedException($"A {value.GetType().Name} value{(value is DateTime time ? $" of kind {time.Kind}" : "")} is not inserted in bulk: Microsoft.Data.Sqlite's text for it is not reproduced here."),
    };

    private static int BindText<T>(sqlite3_stmt statement, int index, T value, string format)
        where T : IUtf8SpanFormattable
    {
        // The longest: a decimal's 29 digits, sign and point; a time's 27 characters.
        Span<byte> utf8 = stackalloc byte[64];
        if (!value.TryFormat(utf8, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The value {value} did not fit its text for SQLite.");
        }

        return raw.sqlite3_bind_text(statement, index, utf8[..written]);
    }
}
