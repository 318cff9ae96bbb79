using System.Globalization;

namespace UMeetingReports.Simulator.Data;

/// <summary>
/// Generates the simulated account. A day's meetings depend only on the seed, the room list and the date, so
/// moving "today" forward never rewrites history; only the last hours (meetings not started or still running
/// at "now") depend on the clock.
/// </summary>
internal sealed class DatasetGenerator(int seed, int roomCount, double meetingsPerRoomPerDay)
{
    private const decimal CallInRatePerMinute = 0.06m;

    /// <summary>Call-out and callback legs are both dialled by the service, so both cost the outbound rate.</summary>
    private const decimal CallOutRatePerMinute = 0.12m;

    private const double WeekendShare = 0.12;

    private const int MinimumRunningToday = 2;

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    public IReadOnlyList<RoomProfile> CreateRooms()
    {
        var random = SeededRandom.For(seed, stream: -1);
        var rooms = new List<RoomProfile>(roomCount);
        for (var index = 0; index < roomCount; index++)
        {
            var pool = SamplePools.RoomNames;
            var name = index < pool.Count ? pool[index] : $"{pool[index % pool.Count]} #{(index / pool.Count) + 1}";
            var hostId = Base64Url(random);
            var capacity = random.Pick(SamplePools.Capacities);

            // Room 2's personal meeting id starts with 0, so "keep meeting_id a string" is always tested.
            var personalMeetingId = index == 1 ? "0" + Digits(random, 9) : Digits(random, 10);
            var busyness = 0.5 + random.NextDouble();
            rooms.Add(new RoomProfile(new SimulatedRoom(hostId, name, $"shareroom{index + 1}@example.com", capacity), personalMeetingId, busyness));
        }

        return rooms;
    }

    /// <summary>The meetings that started on <paramref name="day"/> and had started by <paramref name="now"/>.</summary>
    public List<SimulatedMeeting> CreateDay(DateOnly day, IReadOnlyList<RoomProfile> rooms, DateTime now)
    {
        var random = SeededRandom.For(seed, day.DayNumber);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var drafts = new List<MeetingDraft>();
        foreach (var room in rooms)
        {
            var mean = meetingsPerRoomPerDay * room.Busyness * (weekend ? WeekendShare : 1.0);
            drafts.AddRange(CreateRoomDay(random, day, room, random.NextPoisson(mean)));
        }

        drafts.Sort(MeetingDraft.ByStartThenUuid);
        PlantHostileValues(day, drafts);

        var meetings = new List<SimulatedMeeting>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (draft.Materialize(now) is { } meeting)
            {
                meetings.Add(meeting);
            }
        }

        if (DateOnly.FromDateTime(now) == day)
        {
            KeepSomeRunning(day, rooms, now, meetings);
        }

        return meetings;
    }

    public List<ScheduledMeeting> CreateUpcoming(RoomProfile room, int roomIndex, DateOnly today)
    {
        var random = SeededRandom.For(seed, stream: -2, part: roomIndex);
        var upcoming = new List<ScheduledMeeting>();
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            var day = today.AddDays(random.Next(1, 8));
            var start = day.ToDateTime(new TimeOnly(random.Next(9, 18), random.Chance(0.5) ? 0 : 30));
            upcoming.Add(new ScheduledMeeting(
                random.Chance(0.5) ? room.PersonalMeetingId : Digits(random, 10),
                random.Pick(SamplePools.Topics),
                start,
                random.Pick(SamplePools.ScheduledMinutes),
                Digits(random, 6)));
        }

        upcoming.Sort((a, b) => a.Start.CompareTo(b.Start));
        return upcoming;
    }

    private static List<MeetingDraft> CreateRoomDay(SeededRandom random, DateOnly day, RoomProfile room, int count)
    {
        var drafts = new List<MeetingDraft>(count);
        for (var i = 0; i < count; i++)
        {
            drafts.Add(NewDraft(random, room, day.ToDateTime(TimeOnly.MinValue).AddSeconds(StartSecondOfDay(random))));
        }

        drafts.Sort(MeetingDraft.ByStartThenUuid);

        // A meeting that starts while the room is taken either spills into an overflow room or is booked
        // elsewhere (dropped), so the room's own meetings never overlap and every overflow has a reason.
        var busyUntil = DateTime.MinValue;
        var kept = new List<MeetingDraft>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (draft.Start >= busyUntil)
            {
                busyUntil = draft.End;
            }
            else if (random.Chance(0.5))
            {
                continue;
            }
            else
            {
                draft.IsExtra = true;
                draft.MeetingId = Digits(random, 10);
            }

            kept.Add(draft);
        }

        foreach (var draft in kept)
        {
            draft.Participants = CreateParticipants(random, room, draft);
            draft.Telephony = random.Chance(0.25) ? CreateCalls(random, draft) : [];
        }

        return kept;
    }

    private static MeetingDraft NewDraft(SeededRandom random, RoomProfile room, DateTime start)
    {
        var late = start.TimeOfDay >= TimeSpan.FromHours(23);
        var scheduled = random.Chance(0.3) ? 60 : random.Pick(SamplePools.ScheduledMinutes);
        if (late)
        {
            scheduled = Math.Max(scheduled, 60);
        }

        double factor;
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            factor = random.Next(1, 6) / (double)scheduled;
        }
        else if (roll < 0.17)
        {
            factor = 1.1 + (random.NextDouble() * 0.4);
        }
        else
        {
            factor = 0.5 + (random.NextDouble() * 0.6);
        }

        if (late)
        {
            factor = Math.Max(factor, 1.0);
        }

        var seconds = Math.Max(60, (int)(scheduled * 60 * factor) + random.Next(0, 60));
        return new MeetingDraft
        {
            Uuid = Uuid(random),
            HostId = room.Room.HostId,
            MeetingId = random.Chance(0.45) ? room.PersonalMeetingId : Digits(random, 10),
            Topic = random.Chance(0.02) ? random.Pick(SimulatorHostileValues.Topics) : random.Pick(SamplePools.Topics),
            Start = start,
            Duration = scheduled,
            End = start.AddSeconds(seconds),
        };
    }

    /// <summary>Office hours dominate, with a few early, evening and late (midnight-crossing) meetings.</summary>
    private static int StartSecondOfDay(SeededRandom random)
    {
        var roll = random.NextDouble();
        int minute;
        if (roll < 0.05)
        {
            minute = random.Next(450, 540);
        }
        else if (roll < 0.42)
        {
            minute = random.Next(540, 720);
        }
        else if (roll < 0.49)
        {
            // Lunch is quieter than the morning and the afternoon.
            minute = random.Next(720, 810);
        }
        else if (roll < 0.86)
        {
            minute = random.Next(810, 1080);
        }
        else if (roll < 0.985)
        {
            minute = random.Next(1080, 1350);
        }
        else
        {
            minute = random.Next(1380, 1431);
        }

        if (random.Chance(0.7))
        {
            // Booked meetings start near the half hour, a few minutes either side.
            minute = Math.Clamp((int)Math.Round(minute / 30.0) * 30 + random.Next(-3, 6), 0, 1439);
        }

        return (minute * 60) + random.Next(0, 60);
    }

    private static List<ParticipantDraft> CreateParticipants(SeededRandom random, RoomProfile room, MeetingDraft meeting)
    {
        var people = 1 + (int)(Math.Pow(random.NextDouble(), 2.2) * 24);
        var names = new List<string>(people);
        if (random.Chance(0.6))
        {
            names.Add(room.Room.Name);
        }

        while (names.Count < people)
        {
            var name = random.Chance(0.01) ? random.Pick(SimulatorHostileValues.ParticipantNames) : random.Pick(SamplePools.People);
            if (!names.Contains(name))
            {
                names.Add(name);
            }
            else if (names.Count >= SamplePools.People.Count)
            {
                break;
            }
        }

        var sessions = new List<ParticipantDraft>(names.Count + 4);
        var length = meeting.End - meeting.Start;
        foreach (var name in names)
        {
            var roll = random.NextDouble();
            var joinOffset = roll < 0.7 ? random.Next(0, 180)
                : roll < 0.95 ? random.Next(180, 1200)
                : (int)(random.NextDouble() * length.TotalSeconds * 0.6);
            var join = Min(meeting.Start.AddSeconds(joinOffset), meeting.End - OneSecond);
            var leave = random.Chance(0.75)
                ? meeting.End.AddSeconds(-random.Next(0, 180))
                : join + ((meeting.End - join) * random.NextDouble());
            leave = Max(leave, Min(join.AddSeconds(20), meeting.End));

            if (random.Chance(0.12) && leave - join > TimeSpan.FromMinutes(6))
            {
                // A dropped connection: the same name comes back a little later.
                var cut = join + ((leave - join) * (0.3 + (random.NextDouble() * 0.4)));
                var back = cut.AddSeconds(random.Next(10, 180));
                sessions.Add(new ParticipantDraft(name, join, cut));
                sessions.Add(new ParticipantDraft(name, Min(back, leave - OneSecond), leave));
            }
            else
            {
                sessions.Add(new ParticipantDraft(name, join, leave));
            }

            if (random.Chance(0.05) && leave - join > TimeSpan.FromMinutes(2))
            {
                // The same person also joins from a phone while still on the laptop.
                var second = join + ((leave - join) * random.NextDouble() * 0.5);
                sessions.Add(new ParticipantDraft(name, second, Min(second.AddSeconds(random.Next(60, 1800)), meeting.End)));
            }
        }

        sessions.Sort(ParticipantDraft.ByJoinThenName);
        return sessions;
    }

    private static List<CallDraft> CreateCalls(SeededRandom random, MeetingDraft meeting)
    {
        var count = 1 + (random.Chance(0.3) ? random.Next(1, 3) : 0);
        var meetingSeconds = (meeting.End - meeting.Start).TotalSeconds;
        var calls = new List<CallDraft>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var type = roll < 0.6 ? "call-in" : roll < 0.97 ? "call-out" : "callback";
            var offset = random.NextDouble() * meetingSeconds * 0.8;
            var room = meetingSeconds - offset;
            var seconds = Math.Max(1, (int)Math.Min(room, 20 + (random.NextDouble() * Math.Min(room, 5400))));
            var start = meeting.Start.AddSeconds((int)offset);
            calls.Add(new CallDraft(PhoneNumber(random), type, start, start.AddSeconds(seconds)));
        }

        calls.Sort((a, b) => a.Start.CompareTo(b.Start));
        return calls;
    }

    /// <summary>
    /// Every day with meetings carries two hostile topics and one hostile participant name, cycling through the
    /// lists by date, so each value appears several times in any month rather than only by chance.
    /// </summary>
    private static void PlantHostileValues(DateOnly day, List<MeetingDraft> drafts)
    {
        var topics = SimulatorHostileValues.Topics;
        if (drafts.Count > 0)
        {
            drafts[0].Topic = topics[(2 * day.DayNumber) % topics.Count];
        }

        if (drafts.Count > 1)
        {
            drafts[drafts.Count / 2].Topic = topics[((2 * day.DayNumber) + 1) % topics.Count];
        }

        var names = SimulatorHostileValues.ParticipantNames;
        var target = drafts.Find(draft => draft.Participants.Count > 1);
        if (target is not null)
        {
            var renamed = target.Participants[^1].Name;
            var hostile = names[day.DayNumber % names.Count];
            target.Participants = target.Participants
                .Select(session => session.Name == renamed ? session with { Name = hostile } : session)
                .ToList();
        }
    }

    /// <summary>Today always shows meetings in progress, whatever the hour, so "still running" is always on screen.</summary>
    private void KeepSomeRunning(DateOnly day, IReadOnlyList<RoomProfile> rooms, DateTime now, List<SimulatedMeeting> meetings)
    {
        var running = meetings.Count(meeting => meeting.End is null);
        var random = SeededRandom.For(seed, day.DayNumber, part: now.Ticks);
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        for (var index = 0; running < MinimumRunningToday; index++, running++)
        {
            var room = rooms[index % rooms.Count];
            var start = Max(midnight, now.AddSeconds(-random.Next(300, 3000)));
            var draft = NewDraft(random, room, start);
            draft.End = Max(draft.End, now.AddMinutes(random.Next(5, 60)));
            draft.IsExtra = meetings.Exists(meeting =>
                meeting.HostId == room.Room.HostId && !meeting.IsExtra && meeting.Start <= start && (meeting.End ?? now) > start);
            draft.Participants = CreateParticipants(random, room, draft);
            draft.Telephony = random.Chance(0.5) ? CreateCalls(random, draft) : [];
            if (draft.Materialize(now) is { } meeting)
            {
                meetings.Add(meeting);
            }
        }

        meetings.Sort(static (a, b) => CompareByStartThenUuid(a.Start, a.Uuid, b.Start, b.Uuid));
    }

    internal static int CompareByStartThenUuid(DateTime startA, string uuidA, DateTime startB, string uuidB)
    {
        var byStart = startA.CompareTo(startB);
        return byStart != 0 ? byStart : string.CompareOrdinal(uuidA, uuidB);
    }

    private static string PhoneNumber(SeededRandom random)
    {
        var roll = random.NextDouble();
        if (roll < 0.8)
        {
            string[] prefixes = ["13", "15", "17", "18", "19"];
            return "+86" + random.Pick(prefixes) + Digits(random, 9);
        }

        return roll < 0.92
            ? "+1" + random.Next(2, 10).ToString(CultureInfo.InvariantCulture) + Digits(random, 9)
            : "+447" + Digits(random, 9);
    }

    private static string Uuid(SeededRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    private static string Base64Url(SeededRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string Digits(SeededRandom random, int length) =>
        string.Create(length, random, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + source.Next(0, 10));
            }
        });

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static decimal RateOf(string type) => type == "call-in" ? CallInRatePerMinute : CallOutRatePerMinute;

    /// <summary>Billed minutes: every started minute counts, at least one.</summary>
    private static int BilledMinutes(TimeSpan length) => Math.Max(1, (int)Math.Ceiling(length.TotalSeconds / 60));

    internal sealed record RoomProfile(SimulatedRoom Room, string PersonalMeetingId, double Busyness);

    private sealed record ParticipantDraft(string Name, DateTime Join, DateTime Leave)
    {
        public static readonly Comparison<ParticipantDraft> ByJoinThenName =
            static (a, b) => a.Join != b.Join ? a.Join.CompareTo(b.Join) : string.CompareOrdinal(a.Name, b.Name);
    }

    private sealed record CallDraft(string PhoneNumber, string Type, DateTime Start, DateTime End);

    private sealed class MeetingDraft
    {
        public static readonly Comparison<MeetingDraft> ByStartThenUuid =
            static (a, b) => CompareByStartThenUuid(a.Start, a.Uuid, b.Start, b.Uuid);

        public required string Uuid { get; init; }

        public required string HostId { get; init; }

        public required string MeetingId { get; set; }

        public required string Topic { get; set; }

        public required DateTime Start { get; init; }

        public required int Duration { get; init; }

        public required DateTime End { get; set; }

        public bool IsExtra { get; set; }

        public List<ParticipantDraft> Participants { get; set; } = [];

        public List<CallDraft> Telephony { get; set; } = [];

        /// <summary>
        /// The record as the service would report it at <paramref name="now"/>: not yet started → none; still
        /// running → no end time, people still in the room have no leave time, open calls are billed so far.
        /// </summary>
        public SimulatedMeeting? Materialize(DateTime now)
        {
            if (Start > now)
            {
                return null;
            }

            var running = End > now;
            var participants = new List<SimulatedParticipant>(Participants.Count);
            foreach (var session in Participants)
            {
                if (session.Join <= now)
                {
                    participants.Add(new SimulatedParticipant(session.Name, session.Join, session.Leave > now ? null : session.Leave));
                }
            }

            var calls = new List<SimulatedCall>(Telephony.Count);
            foreach (var call in Telephony)
            {
                if (call.Start > now)
                {
                    continue;
                }

                var open = call.End > now;
                var minutes = BilledMinutes((open ? now : call.End) - call.Start);
                calls.Add(new SimulatedCall(call.PhoneNumber, call.Type, call.Start, open ? null : call.End, minutes, minutes * RateOf(call.Type)));
            }

            return new SimulatedMeeting(Uuid, HostId, MeetingId, Topic, Start, Duration, running ? null : End, IsExtra, participants, calls);
        }
    }
}
