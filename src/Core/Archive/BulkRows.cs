using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace UMeetingReports.Core.Archive;

/// <summary>
/// Inserts many new rows of one entity type inside the context's open transaction, without the change tracker: on
/// SQLite as multi-row INSERTs whose prepared statement is reused for every full batch, on PostgreSQL as one binary
/// COPY. The columns, their order and every value's conversion come from the EF model (each column's own type mapping,
/// as SaveChanges would use it), so an entity's row is defined once, by its class and configuration: a column added
/// there is written here without a change.
/// </summary>
internal static class BulkRows
{
    /// <summary>
    /// Parameters per multi-row INSERT on SQLite (as many whole rows as fit). Not SQLite's limit of 999: on every
    /// execution Microsoft.Data.Sqlite looks each parameter up by name (sqlite3_bind_parameter_index, a linear search of
    /// the statement's names with strncmp), so a statement of P parameters costs P × P / 2 name comparisons: at 999,
    /// strncmp alone took about a tenth of a first fill's CPU samples (perf, 2026-12-06). Fewer rows per statement
    /// cost an execution each instead (a data reader, the statement's reset and step): a prepared single-row INSERT
    /// gave back about half of what the search had cost. Near 50 parameters (2 meetings, 10 participant rows or 6
    /// telephony legs a statement) both costs are small.
    /// </summary>
    private const int SqliteParametersPerStatement = 50;

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
        if (context.Database.GetDbConnection() is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await InsertBatchesAsync(transaction, table, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InsertBatchesAsync<T>(DbTransaction transaction, Table table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var perStatement = Math.Max(1, SqliteParametersPerStatement / table.Columns.Count);
        DbCommand? full = null;
        try
        {
            foreach (var batch in rows.Chunk(perStatement))
            {
                DbCommand command;
                if (batch.Length == perStatement)
                {
                    full ??= table.InsertCommand(transaction, batch);
                    command = full;
                }
                else
                {
                    command = table.InsertCommand(transaction, batch);
                }

                try
                {
                    table.Bind(command, batch);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
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

        private Table(string name, IReadOnlyList<Column> columns) => (Name, Columns) = (name, columns);

        public string Name { get; }

        public IReadOnlyList<Column> Columns { get; }

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

        /// <summary>INSERT … VALUES (…), (…) for as many rows as <paramref name="batch"/>, its parameters made by the columns' type mappings.</summary>
        public DbCommand InsertCommand<T>(DbTransaction transaction, T[] batch)
            where T : class
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(Name).Append(" (").AppendJoin(", ", Columns.Select(column => column.Name)).Append(") VALUES ");
            for (var row = 0; row < batch.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var index = 0; index < Columns.Count; index++)
                {
                    var parameter = $"@p{row}_{index}";
                    sql.Append(index == 0 ? "" : ", ").Append(parameter);
                    command.Parameters.Add(Columns[index].Mapping.CreateParameter(command, parameter, Columns[index].Read(batch[row]), nullable: true));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            return command;
        }

        /// <summary>Sets the parameters of a command made by <see cref="InsertCommand"/> to <paramref name="batch"/>'s values.</summary>
        public void Bind<T>(DbCommand command, T[] batch)
            where T : class
        {
            var parameters = command.Parameters;
            for (var row = 0; row < batch.Length; row++)
            {
                for (var index = 0; index < Columns.Count; index++)
                {
                    parameters[(row * Columns.Count) + index].Value = Columns[index].ValueOf(batch[row]) ?? DBNull.Value;
                }
            }
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
