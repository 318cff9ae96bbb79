using UMeetingReports.Core.Export;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// The spool writes a text equal to the one above it in its column as a mark of repetition (a meeting's uuid, topic and
/// room come on every one of its joins): what comes back must still be every row's own value.
/// </summary>
public sealed class SheetSpoolTests
{
    private static readonly ColumnHeader[] Columns = [new("Topic", ColumnKind.Text, 10), new("Minutes", ColumnKind.Integer, 10), new("Name", ColumnKind.Text, 10)];

    [Fact]
    public void Reads_back_every_rows_own_text_when_texts_repeat_across_blanks_and_changes()
    {
        // Arrange
        using var folder = new ExportFolder();
        ExportCell[][] rows =
        [
            [ExportCell.Of("Standup"), ExportCell.Of(5L), ExportCell.Of("Alice")],
            [ExportCell.Of("Standup"), ExportCell.Empty, ExportCell.Of("Bob")],
            [ExportCell.Empty, ExportCell.Of(7L), ExportCell.Of("Bob")],
            [ExportCell.Of(new string("Standup".AsSpan())), ExportCell.Of(7L), ExportCell.Empty],
            [ExportCell.Of("Retro"), ExportCell.Of(9L), ExportCell.Of("Bob")],
            [ExportCell.Of("Standup"), ExportCell.Of(9L), ExportCell.Of(string.Empty)],
            [ExportCell.Of("Standup"), ExportCell.Of(9L), ExportCell.Of(string.Empty)],
        ];
        using var spool = new SheetSpool(Columns, new ExportSettings(ExportSettings.ExcelRowsPerSheet, folder.Path));

        // Act
        foreach (var row in rows)
        {
            spool.Write(row);
        }

        var read = spool.ReadAll().Select(cells => cells.Select(Shown).ToArray()).ToList();

        // Assert
        Assert.Equal(rows.Select(cells => cells.Select(Shown).ToArray()), read);
    }

    private static string Shown(ExportCell cell) => !cell.HasValue ? "(blank)" : cell.Text ?? cell.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
