using System.Text.Json.Serialization;

namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>
/// Source-generated metadata for the upstream's JSON: snake_case names, numbers accepted as strings (the
/// vendor's /rooms does that), booleans accepted as 0/1.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(FlexibleBoolConverter)])]
[JsonSerializable(typeof(DetailEnvelope))]
[JsonSerializable(typeof(RoomsEnvelope))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
