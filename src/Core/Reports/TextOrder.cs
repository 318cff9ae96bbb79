using System.Collections.Concurrent;
using System.Globalization;

namespace UMeetingReports.Core.Reports;

/// <summary>
/// How names and rooms are put in order for a reader: by the collation of the reader's language (Chinese names by
/// their pinyin, as zh-CN sorts them: 陈静, 何欣, 张伟; English alphabetically, as the invariant culture sorts), and
/// text the collation finds equal by its code points, so that an order is total and the same at every request.
/// Instances are kept per culture and equal by it, so a request that carries one stays a usable key.
/// </summary>
public sealed class TextOrder : IComparer<string>, IEquatable<TextOrder>
{
    private static readonly ConcurrentDictionary<string, TextOrder> Known = new(StringComparer.Ordinal);

    private readonly CompareInfo _collation;

    private TextOrder(CultureInfo culture)
    {
        Culture = culture;
        _collation = culture.CompareInfo;
    }

    /// <summary>The invariant culture's order: Latin letters A to Z, Chinese characters by code point after them.</summary>
    public static TextOrder Invariant { get; } = new(CultureInfo.InvariantCulture);

    public CultureInfo Culture { get; }

    /// <summary>The order of <paramref name="culture"/>'s language.</summary>
    public static TextOrder For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name.Length == 0 ? Invariant : Known.GetOrAdd(culture.Name, static (_, culture) => new TextOrder(culture), culture);
    }

    public int Compare(string? x, string? y)
    {
        var collated = _collation.Compare(x, y, CompareOptions.None);
        return collated != 0 ? collated : string.CompareOrdinal(x, y);
    }

    public bool Equals(TextOrder? other) => other is not null && string.Equals(Culture.Name, other.Culture.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as TextOrder);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Culture.Name);

    public override string ToString() => Culture.Name.Length == 0 ? "invariant" : Culture.Name;
}
