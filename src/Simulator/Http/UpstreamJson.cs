using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Simulator.Http;

/// <summary>One page of the detail endpoint as it goes on the wire.</summary>
internal sealed record DetailAnswer(
    DateOnly From,
    DateOnly To,
    int TotalRecord,
    int PageNumber,
    int PageSize,
    IReadOnlyList<SimulatedMeeting> Meetings,
    bool ShowParticipants,
    bool ShowTelephonyUsage)
{
    public int TotalPage => (TotalRecord + PageSize - 1) / PageSize;

    public bool HasPreviousPage => PageNumber > 1 && TotalRecord > 0;

    public bool HasNextPage => PageNumber < TotalPage;
}

/// <summary>
/// Writes the upstream's JSON by hand with <see cref="Utf8JsonWriter"/>: the field order and formats of the seed
/// document, no reflection, and fast enough for benchmarks that ask for 300 meetings at a time.
/// </summary>
internal static class UpstreamJson
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Raw UTF-8 like the real service: Chinese and markup are not \u-escaped, so readers cannot rely on it.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly StandardFormat TwoDecimals = new('F', 2);

    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
    private static readonly JsonEncodedText TotalRecord = JsonEncodedText.Encode("total_record");
    private static readonly JsonEncodedText TotalPage = JsonEncodedText.Encode("total_page");
    private static readonly JsonEncodedText PageNumber = JsonEncodedText.Encode("page_number");
    private static readonly JsonEncodedText PageSize = JsonEncodedText.Encode("page_size");
    private static readonly JsonEncodedText HasPreviousPage = JsonEncodedText.Encode("has_previous_page");
    private static readonly JsonEncodedText HasNextPage = JsonEncodedText.Encode("has_next_page");
    private static readonly JsonEncodedText Meetings = JsonEncodedText.Encode("meetings");
    private static readonly JsonEncodedText Uuid = JsonEncodedText.Encode("uuid");
    private static readonly JsonEncodedText HostId = JsonEncodedText.Encode("host_id");
    private static readonly JsonEncodedText MeetingId = JsonEncodedText.Encode("meeting_id");
    private static readonly JsonEncodedText Topic = JsonEncodedText.Encode("topic");
    private static readonly JsonEncodedText StartTime = JsonEncodedText.Encode("start_time");
    private static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
    private static readonly JsonEncodedText EndTime = JsonEncodedText.Encode("end_time");
    private static readonly JsonEncodedText IsExtra = JsonEncodedText.Encode("is_extra");
    private static readonly JsonEncodedText Participants = JsonEncodedText.Encode("participants");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText JoinTime = JsonEncodedText.Encode("join_time");
    private static readonly JsonEncodedText LeaveTime = JsonEncodedText.Encode("leave_time");
    private static readonly JsonEncodedText TelephonyUsage = JsonEncodedText.Encode("telephony_usage");
    private static readonly JsonEncodedText PhoneNumber = JsonEncodedText.Encode("phone_number");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText FirstName = JsonEncodedText.Encode("first_name");
    private static readonly JsonEncodedText MeetingCapacity = JsonEncodedText.Encode("meeting_capacity");
    private static readonly JsonEncodedText HostKey = JsonEncodedText.Encode("host_key");

    public static void WriteFailure(IBufferWriter<byte> output, int status, string message)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber(Status, status);
        writer.WriteString(Message, message);
        writer.WriteNull(Data);
        writer.WriteEndObject();
    }

    public static void WriteDetail(IBufferWriter<byte> output, DetailAnswer answer)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber(Status, EnvelopeStatus.Ok);
        writer.WriteString(Message, EnvelopeStatus.OkMessage);
        writer.WriteStartObject(Data);

        // The seed document echoes "2017-8-31" and "2017-09-01": from unpadded, to padded. Readers must take both.
        WriteFormatted(writer, From, answer.From, "yyyy-M-d");
        WriteFormatted(writer, To, answer.To, "yyyy-MM-dd");
        writer.WriteNumber(TotalRecord, answer.TotalRecord);
        writer.WriteNumber(TotalPage, answer.TotalPage);
        writer.WriteNumber(PageNumber, answer.PageNumber);
        writer.WriteNumber(PageSize, answer.PageSize);
        writer.WriteBoolean(HasPreviousPage, answer.HasPreviousPage);
        writer.WriteBoolean(HasNextPage, answer.HasNextPage);
        writer.WriteStartArray(Meetings);
        foreach (var meeting in answer.Meetings)
        {
            WriteMeeting(writer, meeting, answer.ShowParticipants, answer.ShowTelephonyUsage);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The vendor's /share/rooms shape, numbers as strings included.</summary>
    public static void WriteRooms(IBufferWriter<byte> output, IReadOnlyList<SimulatedRoom> rooms, Func<string, IReadOnlyList<ScheduledMeeting>> upcoming)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber(Status, EnvelopeStatus.Ok);
        writer.WriteString(Message, EnvelopeStatus.OkMessage);
        writer.WriteStartArray(Data);
        foreach (var room in rooms)
        {
            var capacity = room.Capacity.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartObject();
            writer.WriteString(Id, room.HostId);
            writer.WriteString(Email, room.Email);
            writer.WriteString(FirstName, room.Name);
            writer.WriteString(MeetingCapacity, capacity);
            writer.WriteStartArray(Meetings);
            foreach (var meeting in upcoming(room.HostId))
            {
                writer.WriteStartObject();
                writer.WriteString(Duration, meeting.Duration.ToString(CultureInfo.InvariantCulture));
                WriteTime(writer, StartTime, meeting.Start);
                writer.WriteString(HostKey, meeting.HostKey);
                writer.WriteString(Topic, meeting.Topic);
                writer.WriteString(MeetingCapacity, capacity);
                writer.WriteString(Id, meeting.MeetingId);

                // Zoom v1 codes: type 2 = scheduled meeting, status 0 = waiting to start.
                writer.WriteString(Type, "2");
                writer.WriteString(Status, "0");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMeeting(Utf8JsonWriter writer, SimulatedMeeting meeting, bool showParticipants, bool showTelephony)
    {
        writer.WriteStartObject();
        writer.WriteString(Uuid, meeting.Uuid);
        writer.WriteString(HostId, meeting.HostId);
        writer.WriteString(MeetingId, meeting.MeetingId);
        writer.WriteString(Topic, meeting.Topic);
        WriteTime(writer, StartTime, meeting.Start);
        writer.WriteNumber(Duration, meeting.Duration);
        WriteTime(writer, EndTime, meeting.End);
        writer.WriteNumber(IsExtra, meeting.IsExtra ? 1 : 0);

        // With a flag off the array is left out entirely, never sent empty or partial.
        if (showParticipants)
        {
            writer.WriteStartArray(Participants);
            foreach (var participant in meeting.Participants)
            {
                writer.WriteStartObject();
                writer.WriteString(Name, participant.Name);
                WriteTime(writer, JoinTime, participant.JoinTime);
                WriteTime(writer, LeaveTime, participant.LeaveTime);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (showTelephony)
        {
            writer.WriteStartArray(TelephonyUsage);
            foreach (var call in meeting.Telephony)
            {
                writer.WriteStartObject();
                writer.WriteString(PhoneNumber, call.PhoneNumber);
                writer.WriteString(Type, call.Type);
                WriteTime(writer, StartTime, call.StartTime);
                WriteTime(writer, EndTime, call.EndTime);
                writer.WriteNumber(Duration, call.Duration);
                WriteMoney(writer, Total, call.Total);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>An empty string, not null, while the meeting runs or the person is connected, as the service does.</summary>
    private static void WriteTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is not { } time)
        {
            writer.WriteString(name, ReadOnlySpan<byte>.Empty);
            return;
        }

        Span<byte> buffer = stackalloc byte[32];
        time.TryFormat(buffer, out var written, TimeFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..written]);
    }

    private static void WriteFormatted(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value, string format)
    {
        Span<byte> buffer = stackalloc byte[16];
        value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..written]);
    }

    /// <summary>Always two decimals (0.60, not 0.6), as a JSON number.</summary>
    private static void WriteMoney(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        Span<byte> buffer = stackalloc byte[40];
        Utf8Formatter.TryFormat(value, buffer, out var written, TwoDecimals);
        writer.WritePropertyName(name);
        writer.WriteRawValue(buffer[..written], skipInputValidation: true);
    }
}
