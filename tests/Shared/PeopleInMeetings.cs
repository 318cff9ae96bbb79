using UMeetingReports.Simulator.Data;

namespace UMeetingReports.Tests.Shared;

/// <summary>
/// One person's meetings in the simulator's records, for the tests of the meetings report's person filter: who to
/// pick, and which meetings that person joined. Shared by tests/Core.Tests and tests/Web.E2E (linked into each project).
/// </summary>
internal static class PeopleInMeetings
{
    /// <summary>The name with the most meetings in these (ordinal ties), so that every month has some of them.</summary>
    public static string BusiestName(IReadOnlyList<SimulatedMeeting> meetings) =>
        meetings.SelectMany(meeting => meeting.Participants.Select(participant => participant.Name).Distinct())
            .GroupBy(name => name, StringComparer.Ordinal)
            .OrderByDescending(name => name.Count()).ThenBy(name => name.Key, StringComparer.Ordinal)
            .First().Key;

    /// <summary>The meetings that <paramref name="person"/> (exactly that name) joined at least once.</summary>
    public static List<SimulatedMeeting> Joined(IReadOnlyList<SimulatedMeeting> meetings, string person) =>
        [.. meetings.Where(meeting => meeting.Participants.Any(participant => participant.Name == person))];
}
