using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// The meetings report's download: narrowed by its search and its person as its list is, each meeting whole.
/// </summary>
public sealed class WorkbookNarrowedToMeetingsTests
{
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    private const string SearchLine = "Meetings matching the search (meeting ID starts with it; topic or room contains it; or the record id)";

    private const string PersonLine = "Meetings joined by (exact name; each meeting with every join and call)";

    [Fact]
    public async Task A_search_keeps_the_meetings_whose_topic_or_room_holds_it_with_every_join_and_call()
    {
        // Arrange: "garden" is in one topic and in the name of room B (FixedRoomDirectory: Boardroom, Garden).
        using var folder = new ExportFolder();
        var byTopic = MeetingBuilder.A("topic-match").InRoom("ROOM-A").About("Roof garden tour").With("Li Wei", 0, 30).With("Chen Jing", 5, 40).WithCall("+8613712349201", 0, 10, 10, 0.5m).Build();
        var byRoom = MeetingBuilder.A("room-match").InRoom("ROOM-B").About("Weekly sync").With("Li Wei", 0, 30).Build();
        var neither = MeetingBuilder.A("no-match").InRoom("ROOM-A").About("Budget").With("Li Wei", 0, 30).Build();

        // Act
        using var file = await ExportHarness.InMemory(folder, [byTopic, byRoom, neither]).XlsxAsync(ExportHarness.Request(March, reveal: true) with { Search = " GARDEN " });

        // Assert
        var meetings = file["Meetings"];
        Assert.Equal(["room-match", "topic-match"], meetings.DataRows().Select(row => row.Cell(meetings.ColumnOf("Meeting UUID")).GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(3, file["Joins"].DataRows().Count);
        Assert.Single(file["Telephony"].DataRows());
        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal("GARDEN", summary[SearchLine].GetString());
        Assert.Equal(2, (int)summary["Meetings"].GetDouble());
        Assert.False(summary.ContainsKey(PersonLine));
        Assert.True(summary.ContainsKey("Peak concurrent meetings of this file's meetings"), "The peak of some meetings says nothing of the licences.");
        Assert.False(summary.ContainsKey("Peak concurrent meetings (the licences needed at once)"));
        Assert.True(summary.ContainsKey("Utilisation by this file's meetings only"), "The utilisation of some meetings is not how full the rooms were.");
        Assert.False(summary.ContainsKey("Utilisation"));
    }

    [Fact]
    public async Task A_viewers_file_of_a_dial_in_persons_meetings_holds_them_whole_and_states_the_number_masked()
    {
        // Arrange
        using var folder = new ExportFolder();
        var dialledIn = MeetingBuilder.A("dialled-in").With("+8613712349201", 0, 30).With("Chen Jing", 5, 40).Build();
        var without = MeetingBuilder.A("without").With("Chen Jing", 0, 40).Build();

        // Act
        using var file = await ExportHarness.InMemory(folder, [dialledIn, without]).XlsxAsync(ExportHarness.Request(March) with { Participant = "+8613712349201" });

        // Assert
        var meetings = file["Meetings"];
        Assert.Equal(["dialled-in"], meetings.DataRows().Select(row => row.Cell(meetings.ColumnOf("Meeting UUID")).GetString()));
        var participants = file["Joins"];
        Assert.Equal(["+86 137****9201", "Chen Jing"], participants.DataRows().Select(row => row.Cell(participants.ColumnOf("Participant")).GetString()));
        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal("+86 137****9201", summary[PersonLine].GetString());
        Assert.DoesNotContain(file.AllText(), text => text.Contains("13712349201", StringComparison.Ordinal));
    }
}
