using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Inserts many new rows of one entity type inside the context's open transaction, without the change tracker: on
/// SQLite through one prepared single-row INSERT stepped once per row, its values bound by position (see
/// <see cref="SqliteValues"/>), on PostgreSQL as one binary COPY. The columns, their order and every value's
/// conversion come from the EF model (each column's own type mapping, as SaveChanges would use it), so an entity's row
/// is defined once, by its class and configuration: a column added there is written here without a change.
/// </summary>
internal static class BulkRows
{
    public static async Task InsertAsync<T>(ArchiveContext context, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted in bulk only inside a transaction: a window is written whole or not at all.");
        var table = Table.Of(context, typeof(T));
        switch (context.Database.GetDbConnection())
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, table, rows, cancellationToken).ConfigureAwait(false);
                break;
            case SqliteConnection sqlite:
                StepRows(sqlite, table, rows, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Rows are not inserted in bulk on {transaction.Connection?.GetType().Name}.");
        }
    }

    /// <summary>
    /// SQLite: one INSERT prepared once and stepped for every row, its values bound by position straight onto the
    /// statement. Microsoft.Data.Sqlite's commands bind each parameter by name on every execution and make a data
    /// reader for each; on a month's 5,300 participant rows that came to 12–20 µs a row, most of a window's write
    /// (timings of 2026-12-06). Synchronous: SQLite's calls are, under Microsoft.Data.Sqlite's async methods too.
    /// </summary>
    private static void StepRows<T>(SqliteConnection connection, Table table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The archive's connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, table.SingleRowInsert, out var statement), database);
        using (statement)
        {
            var done = 0;
            foreach (var row in rows)
            {
                if (++done % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var index = 0; index < table.Columns.Count; index++)
                {
                    SqliteException.ThrowExceptionForRC(SqliteValues.Bind(statement, index + 1, table.Columns[index].ValueOf(row)), database);
                }

                var stepped = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(stepped, database);
                }
            }
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(column => column.Name))}) FROM STDIN (FORMAT BINARY)";
        var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var column in table.Columns)
                {
                    if (column.ValueOf(row) is { } value)
                    {
                        await importer.WriteAsync(value, column.StoreType, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A table as the model maps an entity type: its delimited name and its columns, each with its conversion.</summary>
    private sealed class Table
    {
        private static readonly Dictionary<(Type Context, Type Entity), Table> Known = [];
        private static readonly Lock Gate = new();

        private Table(string name, IReadOnlyList<Column> columns)
        {
            (Name, Columns) = (name, columns);
            SingleRowInsert = $"INSERT INTO {name} ({string.Join(", ", columns.Select(column => column.Name))}) VALUES ({string.Join(", ", columns.Select((_, index) => $"?{index + 1}"))})";
        }

        public string Name { get; }

        public IReadOnlyList<Column> Columns { get; }

        /// <summary>INSERT INTO t (a, b, …) VALUES (?1, ?2, …): the columns in order, their values bound by position.</summary>
        public string SingleRowInsert { get; }

        public static Table Of(ArchiveContext context, Type entity)
        {
            lock (Gate)
            {
                if (Known.TryGetValue((context.GetType(), entity), out var known))
                {
                    return known;
                }
            }

            var type = context.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not an entity of the archive.");
            var name = type.GetTableName() ?? throw new InvalidOperationException($"{entity.Name} is mapped to no table.");
            var store = StoreObjectIdentifier.Table(name, type.GetSchema());
            var sql = context.GetService<ISqlGenerationHelper>();
            var columns = type.GetProperties().Select(property =>
            {
                if (property.IsShadowProperty())
                {
                    // A shadow property has no value on the object: SaveChanges would fill it, this cannot.
                    throw new InvalidOperationException($"{entity.Name}.{property.Name} is a shadow property; rows of {name} cannot be inserted in bulk.");
                }

                return new Column(
                    sql.DelimitIdentifier(property.GetColumnName(store) ?? throw new InvalidOperationException($"{entity.Name}.{property.Name} has no column in {name}.")),
                    property.GetGetter(),
                    property.GetRelationalTypeMapping());
            }).ToList();
            var table = new Table(sql.DelimitIdentifier(name, type.GetSchema()), columns);
            lock (Gate)
            {
                Known[(context.GetType(), entity)] = table;
            }

            return table;
        }
    }

    /// <summary>One column: its delimited name, how to read the property, and how the provider stores the value.</summary>
    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        /// <summary>The database type without facets ("numeric", "timestamp without time zone"), what COPY is told.</summary>
        public string StoreType { get; } = Mapping.StoreTypeNameBase;

        /// <summary>The property's value as the model holds it (before the mapping's conversion).</summary>
        public object? Read(object row) => Getter.GetClrValueUsingContainingEntity(row);

        /// <summary>The value as the provider stores it: the mapping's converter applied, as SaveChanges applies it.</summary>
        public object? ValueOf(object row)
        {
            var value = Read(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
