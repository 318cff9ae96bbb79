using UMeetingReports.Core.Export;
using UMeetingReports.Core.Tests.Reports.Analytics;
using UMeetingReports.Core.Tests.Support;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Simulator;
using Xunit;

namespace UMeetingReports.Core.Tests.Export;

/// <summary>
/// The participants report's download: narrowed by its name search to the meetings a matching person joined, with
/// only their joins, searched in the names as the user is shown them.
/// </summary>
public sealed class WorkbookNarrowedToParticipantsTests(SharedSimulator fixture) : IClassFixture<SharedSimulator>
{
    private static readonly DatePeriod April = new(new(2025, 4, 1), new(2025, 4, 30));
    private static readonly DatePeriod March = new(new(2025, 3, 1), new(2025, 3, 31));

    private RunningSimulator Sim => fixture.Simulator;

    [Fact]
    public async Task Holds_only_the_joins_and_people_of_the_names_searched_for_in_any_case_and_only_the_meetings_they_joined()
    {
        // Arrange: a piece of one participant's name, in the other case.
        using var folder = new ExportFolder();
        await using var core = CoreHarness.Create(Sim.BaseAddress, clock: AnalyticsHarness.SimulatorClock());
        var truth = Sim.Dataset.MeetingsBetween(April.From, April.To);
        var someone = truth.SelectMany(meeting => meeting.Participants).First(participant => participant.Name.Any(char.IsAsciiLetterLower)).Name;
        var search = someone[..Math.Min(4, someone.Length)].ToUpperInvariant();
        bool Matches(string name) => name.Contains(search, StringComparison.InvariantCultureIgnoreCase);
        var joined = truth.Where(meeting => meeting.Participants.Any(participant => Matches(participant.Name))).ToList();
        Assert.InRange(joined.Count, 1, truth.Count - 1);

        // Act
        using var file = await core.Exporter(folder).XlsxAsync(ExportHarness.Request(April, reveal: true) with { ParticipantName = $" {search} " });

        // Assert
        var participants = file["Joins"];
        Assert.Equal(
            joined.SelectMany(meeting => meeting.Participants.Where(participant => Matches(participant.Name)).Select(participant => (meeting.Uuid, participant.Name))),
            participants.DataRows().Select(row => (row.Cell(participants.ColumnOf("Meeting UUID")).GetString(), row.Cell(participants.ColumnOf("Participant")).GetString())));
        var meetings = file["Meetings"];
        Assert.Equal(joined.Select(meeting => meeting.Uuid), meetings.DataRows().Select(row => row.Cell(meetings.ColumnOf("Meeting UUID")).GetString()));
        var calls = file["Telephony"];
        Assert.Equal(joined.Sum(meeting => meeting.Telephony.Count), calls.DataRows().Count);
        var people = file["People"];
        Assert.Equal(
            joined.SelectMany(meeting => meeting.Participants).Select(participant => participant.Name).Where(Matches).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
            people.DataRows().Select(row => row.Cell(people.ColumnOf("Participant")).GetString()).Order(StringComparer.Ordinal));
        var summary = file["Summary"].DataRows().ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(2));
        Assert.Equal(search, summary["Participant name contains"].GetString());
        Assert.Equal(joined.Count, (int)summary["Meetings"].GetDouble());
        Assert.Equal(participants.DataRows().Count, (int)summary["Joins (participant rows)"].GetDouble());
    }

    [Fact]
    public async Task A_viewer_cannot_find_a_dial_in_participant_by_the_digits_the_mask_hides()
    {
        // Arrange: +8613712349201 is shown to a Viewer as +86 137****9201.
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().With("+8613712349201", 0, 30).With("Chen Jing", 5, 40).Build();
        var exporter = ExportHarness.InMemory(folder, [meeting]);

        // Act
        using var byHidden = await exporter.XlsxAsync(ExportHarness.Request(March) with { ParticipantName = "1234" });
        using var byShown = await exporter.XlsxAsync(ExportHarness.Request(March) with { ParticipantName = "9201" });
        using var byHiddenAsAdmin = await exporter.XlsxAsync(ExportHarness.Request(March, reveal: true) with { ParticipantName = "1234" });

        // Assert
        Assert.Empty(byHidden["Joins"].DataRows());
        Assert.Empty(byHidden["Meetings"].DataRows());
        Assert.Equal(["+86 137****9201"], byShown["Joins"].DataRows().Select(row => row.Cell(byShown["Joins"].ColumnOf("Participant")).GetString()));
        Assert.Equal(["+8613712349201"], byHiddenAsAdmin["Joins"].DataRows().Select(row => row.Cell(byHiddenAsAdmin["Joins"].ColumnOf("Participant")).GetString()));
    }

    [Fact]
    public async Task Writes_every_participant_when_the_search_is_blank()
    {
        using var folder = new ExportFolder();
        var meeting = MeetingBuilder.A().With("Li Wei", 0, 30).With("Chen Jing", 5, 40).Build();

        using var file = await ExportHarness.InMemory(folder, [meeting]).XlsxAsync(ExportHarness.Request(March) with { ParticipantName = "   " });

        Assert.Equal(2, file["Joins"].DataRows().Count);
        Assert.DoesNotContain(file["Summary"].DataRows(), row => row.Cell(1).GetString() == "Participant name contains");
    }
}
