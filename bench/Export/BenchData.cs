using System.Globalization;
using System.Runtime.CompilerServices;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;

namespace UMeetingReports.Export.Bench;

/// <summary>
/// Meetings made up in memory, reproducibly (fixed seed): 12 rooms over a year, 1 to 16 joins and 0 to 2 calls per
/// meeting (about 8 and 1), until the three large sheets hold the rows asked for. Topics and names mix Chinese, English,
/// the hostile values and a few dial-in names that are phone numbers, so masking and escaping cost what they cost.
/// </summary>
internal static class BenchData
{
    public static readonly DatePeriod Period = new(new(2024, 7, 1), new(2025, 6, 30));

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly string[] Topics =
    [
        "周例会", "Weekly sync", "产品评审 Product review", "客户电话 customer call", "=HYPERLINK(\"http://x\",\"y\")", "+1 客户电话",
        "-2 budget cut", "@SUM(A1)", "\tIndented weekly sync", "Quarterly plan\r\nsecond line", "🚀 Launch party 🎉", "\"Q&A\" with 'quotes' & <tags>",
    ];

    private static readonly string[] People =
    [
        "张伟", "王芳", "李娜", "刘洋", "陈静", "Alice Chen", "Bob Smith", "Carol Wang", "David Li", "Emma Johnson", "iPhone", "Guest",
        "=1+1", "<b>王伟</b>", "+86 138 0013 8000", "13912345678",
    ];

    public static RoomList Rooms { get; } = new(
        [.. Enumerable.Range(1, 12).Select(index => new Room($"room{index:00}@example.com", $"会议室 {index} Room", 10 + index))],
        IsKnown: true);

    /// <summary>
    /// Meetings whose rows (one per meeting, per join and per call) add up to exactly <see cref="BenchDataSize.Rows"/>,
    /// or whose joins alone do when <see cref="BenchDataSize.ParticipantRowsOnly"/>.
    /// </summary>
    public static IReadOnlyList<Meeting> Generate(BenchDataSize size)
    {
        var rows = size.Rows;
        var joinsOnly = size.ParticipantRowsOnly;
        var random = new Random(20251128);
        var meetings = new List<Meeting>();
        var days = Period.Days;
        var written = 0;
        while (written < rows)
        {
            var room = Rooms.Rooms[random.Next(Rooms.Rooms.Count)];
            // About ten rows (eight and a half joins) a meeting: spreads the meetings evenly over the year.
            var day = Period.From.AddDays(Math.Min(days - 1, (int)((long)meetings.Count * days * (joinsOnly ? 8.5 : 10) / rows)));
            var start = Attach(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 10 * 60)));
            var length = random.Next(10, 180);
            var end = start.AddMinutes(length).AddSeconds(random.Next(0, 60));
            var left = joinsOnly ? rows - written : rows - written - 1;
            var joins = Math.Min(left, random.Next(1, 17));
            var calls = joinsOnly ? random.Next(0, 3) : Math.Min(left - joins, random.Next(0, 3));
            var participants = Enumerable.Range(0, joins)
                .Select(_ => new Participant(People[random.Next(People.Length)], start.AddSeconds(random.Next(0, 600)), end.AddSeconds(-random.Next(0, 300))))
                .ToList();
            var telephony = Enumerable.Range(0, calls)
                .Select(_ =>
                {
                    var minutes = random.Next(1, length);
                    return new TelephonyCall(
                        "+86" + random.NextInt64(13_000_000_000, 19_999_999_999).ToString(CultureInfo.InvariantCulture),
                        random.Next(3) == 0 ? "call-out" : "call-in",
                        start.AddMinutes(1),
                        start.AddMinutes(1 + minutes),
                        minutes,
                        minutes * 0.15m);
                })
                .ToList();
            meetings.Add(new Meeting(
                Convert.ToBase64String(BitConverter.GetBytes(random.NextInt64())) + Convert.ToBase64String(BitConverter.GetBytes(random.NextInt64())),
                room.HostId,
                random.Next(4) == 0 ? "0" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                Topics[random.Next(Topics.Length)],
                start,
                random.Next(1, 7) * 30,
                end,
                random.Next(20) == 0,
                participants,
                telephony));
            written += joinsOnly ? joins : 1 + joins + calls;
        }

        meetings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return meetings;
    }

    private static DateTimeOffset Attach(DateTime wallClock) => new(wallClock, Zone.GetUtcOffset(wallClock));
}

/// <summary>How much data a run asks for: <see cref="Rows"/> rows in all three large sheets, or joins alone.</summary>
internal sealed record BenchDataSize(int Rows, bool ParticipantRowsOnly)
{
    /// <summary>Names the archive file that holds this data.</summary>
    public string Label => ParticipantRowsOnly ? $"participants{Rows}" : $"rows{Rows}";

    public override string ToString() => ParticipantRowsOnly ? $"{Rows:N0} participant rows" : $"{Rows:N0} rows";
}

/// <summary>
/// The meeting service replaced by the list in memory: the reader's contract (the query's period by start day, time
/// order, progress per page of 300) without HTTP; or, with <paramref name="refuse"/>, a service that must not be asked.
/// </summary>
internal sealed class ListReader(IReadOnlyList<Meeting> meetings, bool refuse = false) : IMeetingReader
{
    private const int PageSize = 300;

    public async IAsyncEnumerable<Meeting> EnumerateAsync(MeetingQuery query, IProgress<GatherProgress>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (refuse)
        {
            throw new InvalidOperationException($"The seeded archive lacks {query.Period}: the export asked the meeting service for it.");
        }

        var matching = meetings.Where(meeting => query.Period.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.Start, BenchData.Zone).DateTime))).ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        for (var index = 0; index < matching.Count; index++)
        {
            yield return matching[index];
            if ((index + 1) % PageSize == 0 || index + 1 == matching.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new GatherProgress(0, 1, (index / PageSize) + 1, pages, index + 1));
            }
        }

        await Task.CompletedTask;
    }

    public Task<UpstreamResult<MeetingPage>> GetPageAsync(MeetingQuery query, int pageSize, int pageNumber, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmark only enumerates.");

    public Task<UpstreamResult<IReadOnlyList<Meeting>>> GetAllAsync(MeetingQuery query, IProgress<GatherProgress>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The benchmark only enumerates.");
}

internal sealed class FixedRooms(RoomList rooms) : IRoomDirectory
{
    public Task<RoomList> GetRoomsAsync(CancellationToken cancellationToken) => Task.FromResult(rooms);
}
