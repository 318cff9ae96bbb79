using System.Globalization;
using System.Text;
using System.Xml;
using ClosedXML.Excel;

namespace UMeetingReports.Core.Export;

/// <summary>
/// How each <see cref="ColumnKind"/> looks in the workbook. ClosedXML applies these formats to every sheet it
/// builds; the streamed rows reuse the style indices ClosedXML gave them, so there is one set of styles.
/// </summary>
internal static class CellFormats
{
    /// <summary>Excel refuses a cell longer than this; longer text is cut and ends with an ellipsis.</summary>
    public const int MaxTextLength = 32_767;

    public static string NumberFormat(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "@",
        ColumnKind.Integer => "#,##0",
        ColumnKind.Money => "¥#,##0.00",
        ColumnKind.Percent => "0.0%",
        ColumnKind.DateTime => "yyyy-mm-dd hh:mm:ss",
        ColumnKind.Date => "yyyy-mm-dd",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    /// <summary>
    /// About the text a cell shows under its format, to size its column: numbers with their separators, times as
    /// their format writes them.
    /// </summary>
    public static string Shown(ColumnKind kind, ExportCell value) => !value.HasValue ? string.Empty : kind switch
    {
        ColumnKind.Text => value.Text!,
        ColumnKind.Integer => ((long)value.Number).ToString("#,##0", CultureInfo.InvariantCulture),
        ColumnKind.Money => "¥" + value.Number.ToString("#,##0.00", CultureInfo.InvariantCulture),
        ColumnKind.Percent => (value.Number * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        ColumnKind.DateTime => "yyyy-mm-dd hh:mm:ss",
        ColumnKind.Date => "yyyy-mm-dd",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };

    public static void Apply(IXLStyle style, ColumnKind kind) => style.NumberFormat.Format = NumberFormat(kind);

    /// <summary>
    /// Puts a value in a ClosedXML cell with its real type: text always through <c>SetValue&lt;string&gt;</c>, which
    /// never guesses a number, a date or a formula from it.
    /// </summary>
    public static void Write(IXLCell cell, ColumnKind kind, ExportCell value)
    {
        Apply(cell.Style, kind);
        if (!value.HasValue)
        {
            return;
        }

        switch (kind)
        {
            case ColumnKind.Text:
                cell.SetValue<string>(XlsxText(value.Text!));
                break;
            case ColumnKind.Integer:
                cell.SetValue((long)value.Number);
                break;
            case ColumnKind.Money or ColumnKind.Percent:
                cell.SetValue(value.Number);
                break;
            case ColumnKind.DateTime or ColumnKind.Date:
                cell.SetValue(value.Time);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind.");
        }
    }

    /// <summary>
    /// Text as a workbook can hold it: characters XML cannot carry (control characters other than tab and line
    /// ends, lone surrogates) become U+FFFD instead of breaking the file, and text past Excel's cell limit is cut.
    /// </summary>
    public static string XlsxText(string text)
    {
        if (text.Length <= MaxTextLength && IsXmlSafe(text))
        {
            return text;
        }

        // Room for the ellipsis when the text has to be cut.
        var limit = text.Length > MaxTextLength ? MaxTextLength - 1 : MaxTextLength;
        var cleaned = new StringBuilder(Math.Min(text.Length, MaxTextLength));
        var index = 0;
        for (; index < text.Length && cleaned.Length < limit; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                if (cleaned.Length + 2 > limit)
                {
                    break;
                }

                cleaned.Append(character).Append(text[++index]);
            }
            else
            {
                cleaned.Append(XmlConvert.IsXmlChar(character) ? character : '\uFFFD');
            }
        }

        if (index < text.Length)
        {
            cleaned.Append('…');
        }

        return cleaned.ToString();
    }

    private static bool IsXmlSafe(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (XmlConvert.IsXmlChar(character))
            {
                continue;
            }

            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }

            return false;
        }

        return true;
    }
}
