using System.Globalization;
using System.Text.Json.Nodes;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>One meeting as the upstream writes it, with plausible defaults; tests change only what they are about.</summary>
internal sealed class MeetingJson
{
    private readonly JsonObject _json;

    private MeetingJson(JsonObject json) => _json = json;

    public static MeetingJson A(string uuid = "dgvOvqWVRUWjrEOS2YI2ig==", string start = "2025-03-04 09:30:00") => new(new JsonObject
    {
        ["uuid"] = uuid,
        ["host_id"] = "ROOM-A",
        ["meeting_id"] = "1790001234",
        ["topic"] = "Weekly review",
        ["start_time"] = start,
        ["duration"] = 60,
        ["end_time"] = DateTime.ParseExact(start, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture).AddMinutes(45).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["is_extra"] = 0,
    });

    public string Start => (string)_json["start_time"]!;

    public string Uuid => (string)_json["uuid"]!;

    public MeetingJson With(string field, JsonNode? value)
    {
        _json[field] = value;
        return this;
    }

    public MeetingJson Without(string field)
    {
        _json.Remove(field);
        return this;
    }

    public MeetingJson WithParticipant(string name, string join, string? leave) =>
        Append("participants", new JsonObject { ["name"] = name, ["join_time"] = join, ["leave_time"] = leave });

    public MeetingJson WithCall(string phone, string type, string start, string? end, int minutes, JsonNode total) =>
        Append("telephony_usage", new JsonObject
        {
            ["phone_number"] = phone,
            ["type"] = type,
            ["start_time"] = start,
            ["end_time"] = end,
            ["duration"] = minutes,
            ["total"] = total,
        });

    public JsonObject Build() => (JsonObject)_json.DeepClone();

    private MeetingJson Append(string field, JsonObject item)
    {
        if (_json[field] is not JsonArray array)
        {
            array = [];
            _json[field] = array;
        }

        array.Add(item);
        return this;
    }
}

/// <summary>A /umeeting/share/detail answer: the envelope, the echo and one page of meetings.</summary>
internal sealed class DetailAnswer
{
    private readonly List<JsonObject> _meetings = [];
    private int _status = 200;
    private string _message = "OK";
    private string? _from;
    private string? _to;
    private int? _totalRecord;
    private int _pageNumber = 1;
    private int _pageSize = 30;
    private bool _withoutMeetings;

    public static DetailAnswer For(string from, string to) => new() { _from = from, _to = to };

    public static DetailAnswer Refused(int status, string message) => new() { _status = status, _message = message };

    public DetailAnswer Page(int number, int size)
    {
        _pageNumber = number;
        _pageSize = size;
        return this;
    }

    public DetailAnswer Holding(params IEnumerable<MeetingJson> meetings)
    {
        _meetings.AddRange(meetings.Select(meeting => meeting.Build()));
        return this;
    }

    public DetailAnswer TotalRecord(int total)
    {
        _totalRecord = total;
        return this;
    }

    /// <summary>Leaves the meetings array out entirely, as a period without meetings may.</summary>
    public DetailAnswer WithoutMeetingsArray()
    {
        _withoutMeetings = true;
        return this;
    }

    public string ToJson()
    {
        if (_status != 200)
        {
            return new JsonObject { ["status"] = _status, ["message"] = _message }.ToJsonString();
        }

        var total = _totalRecord ?? _meetings.Count;
        var totalPage = (total + _pageSize - 1) / _pageSize;
        var data = new JsonObject
        {
            ["from"] = _from,
            ["to"] = _to,
            ["total_record"] = total,
            ["total_page"] = totalPage,
            ["page_number"] = _pageNumber,
            ["page_size"] = _pageSize,
            ["has_previous_page"] = _pageNumber > 1,
            ["has_next_page"] = _pageNumber < totalPage,
        };
        if (!_withoutMeetings)
        {
            data["meetings"] = new JsonArray([.. _meetings.Select(meeting => (JsonNode)meeting.DeepClone())]);
        }

        return new JsonObject { ["status"] = _status, ["message"] = _message, ["data"] = data }.ToJsonString();
    }
}

/// <summary>A /umeeting/share/rooms answer in the vendor's documented shape (numbers as strings).</summary>
internal sealed class RoomsAnswer
{
    private readonly JsonArray _rooms = [];

    public static RoomsAnswer With(params (string Id, string? Name, JsonNode? Capacity)[] rooms)
    {
        var answer = new RoomsAnswer();
        foreach (var (id, name, capacity) in rooms)
        {
            answer._rooms.Add(new JsonObject
            {
                ["id"] = id,
                ["email"] = $"{id}@example.com",
                ["first_name"] = name,
                ["meeting_capacity"] = capacity,
                ["meetings"] = new JsonArray(),
            });
        }

        return answer;
    }

    public string ToJson() => new JsonObject { ["status"] = 200, ["message"] = "OK", ["data"] = _rooms.DeepClone() }.ToJsonString();
}

/// <summary>Non-padded dates as the upstream echoes them ("2017-8-31").</summary>
internal static class Echo
{
    public static string Of(DateOnly day) => $"{day.Year}-{day.Month}-{day.Day}";
}
