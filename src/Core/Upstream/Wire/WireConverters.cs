using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>
/// Reads 0/1, true/false and their string forms: the document says <c>is_extra</c> is 0/1, the Zoom v1 API it
/// copies sends booleans, and a vendor that sends strings for numbers elsewhere may do so here too.
/// </summary>
internal sealed class FlexibleBoolConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => false,
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number != 0,
            JsonTokenType.String => ParseText(reader.GetString()),
            _ => throw new JsonException($"Expected a boolean, 0 or 1, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }

    private static bool ParseText(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "1" or "TRUE" => true,
        "0" or "FALSE" or "" or null => false,
        _ => throw new JsonException("Expected a boolean, 0 or 1."),
    };
}

/// <summary>Reads a string, or a number as its literal text (ids that a vendor may send either way).</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>
/// Reads a whole number sent as a number or a string; an empty or unreadable string is "not known" (null)
/// rather than a failure, because a room's capacity is decoration, not data a report depends on.
/// </summary>
internal sealed class LenientIntConverter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
            JsonTokenType.String when int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            JsonTokenType.Number or JsonTokenType.String or JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a whole number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
