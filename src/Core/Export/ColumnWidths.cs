namespace UMeetingReports.Core.Export;

/// <summary>
/// Column widths computed from the text they must show, in Excel's unit (the width of a "0" of the default font).
/// ClosedXML's AdjustToContents measures glyphs with a graphics library the server does not have; counting characters
/// is enough here: a Chinese character (or any East Asian wide one, full-width brackets included) takes two units, any
/// other one.
/// </summary>
internal static class ColumnWidths
{
    /// <summary>No column grows past this: a long topic is cut at the cell's edge rather than making the sheet unreadable.</summary>
    public const double Max = 60;

    /// <summary>A bold header is a little wider than the same text in the regular font.</summary>
    private const double BoldFactor = 1.1;

    /// <summary>Room for the autofilter's drop-down button at the header's right end, and a margin.</summary>
    private const double FilterButton = 3;

    /// <summary>The margin LibreOffice and Excel keep on either side of a cell's text.</summary>
    private const double Padding = 1;

    /// <summary>How many units <paramref name="text"/> takes: two per East Asian wide character, one per other character.</summary>
    public static int Units(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = 0;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                // Characters past the basic plane here are CJK extensions and emoji: wide.
                units += 2;
                index++;
            }
            else
            {
                units += IsWide(character) ? 2 : 1;
            }
        }

        return units;
    }

    /// <summary>The width that shows the whole header, bold and with its filter button, and at least <paramref name="data"/> for the values.</summary>
    public static double Fit(string header, double data) =>
        Math.Min(Max, Math.Ceiling(Math.Max((Units(header) * BoldFactor) + FilterButton, data)));

    /// <summary>The width that shows the widest of <paramref name="values"/> (up to <see cref="Max"/>), at least <paramref name="floor"/>.</summary>
    public static double ForValues(IEnumerable<string> values, double floor) =>
        values.Aggregate(floor, (widest, value) => Math.Max(widest, Math.Min(Max, Units(value) + Padding)));

    /// <summary>East Asian Wide and Fullwidth characters of the basic plane (Unicode's UAX #11, the blocks that matter here).</summary>
    private static bool IsWide(char character) => character switch
    {
        >= '\u1100' and <= '\u115F' => true, // Hangul Jamo initials
        >= '\u2E80' and <= '\u303E' => true, // CJK radicals, ideographic description, CJK symbols and punctuation
        >= '\u3041' and <= '\u33FF' => true, // kana, bopomofo, Hangul compatibility, CJK compatibility
        >= '\u3400' and <= '\u4DBF' => true, // CJK extension A
        >= '\u4E00' and <= '\u9FFF' => true, // CJK unified ideographs
        >= '\uA000' and <= '\uA4CF' => true, // Yi
        >= '\uAC00' and <= '\uD7A3' => true, // Hangul syllables
        >= '\uF900' and <= '\uFAFF' => true, // CJK compatibility ideographs
        >= '\uFE30' and <= '\uFE4F' => true, // CJK compatibility forms
        >= '\uFF00' and <= '\uFF60' => true, // full-width forms: （ ） ， ：
        >= '\uFFE0' and <= '\uFFE6' => true, // full-width signs: ￥
        _ => false,
    };
}
