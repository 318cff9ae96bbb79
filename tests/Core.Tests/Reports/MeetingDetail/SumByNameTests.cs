using UMeetingReports.Core.Reports.MeetingDetail;
using Xunit;
using static UMeetingReports.Core.Reports.MeetingDetail.Attendance;

namespace UMeetingReports.Core.Tests.Reports.MeetingDetail;

/// <summary>
/// The participants report sums each name's rows in one pass (<see cref="Attendance.SumByName"/>); the meeting page
/// groups, orders and attends them (<see cref="Attendance.Attend"/>). Both must count every person alike.
/// </summary>
public sealed class SumByNameTests
{
    private static readonly DateTimeOffset Nine = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Sums_each_name_as_the_meeting_page_attends_it_over_thousands_of_made_up_meetings()
    {
        // Arrange: rows that overlap, touch, rejoin, have no length, stay open, and names that differ only in case.
        var random = new Random(20261206);
        var names = new[] { "Li Lei", "li lei", "Han Meimei", "13812345678", "王芳" };
        var into = new List<PersonSum>();

        for (var meeting = 0; meeting < 2000; meeting++)
        {
            var sessions = new List<Session>();
            for (var row = random.Next(0, 12); row > 0; row--)
            {
                var join = Nine.AddMinutes(random.Next(0, 60));
                var end = join.AddMinutes(random.Next(0, 4) == 0 ? 0 : random.Next(0, 40));
                sessions.Add(new Session(names[random.Next(names.Length)], join, end, Open: random.Next(0, 8) == 0));
            }

            var expected = ByPerson(sessions, name => name)
                .Select(person => (Person: person, Line: Attend(person, Nine, Nine.AddMinutes(60))))
                .ToDictionary(
                    person => person.Person.Exact,
                    person => (person.Line.Sessions, person.Line.FirstJoin, person.Line.LastSeen, person.Line.StillConnected, person.Line.ConnectedTime),
                    StringComparer.Ordinal);

            // Act
            SumByName([.. sessions], into);

            // Assert
            var summed = into.ToDictionary(
                person => person.Exact,
                person => (person.Sessions, person.FirstJoin, person.LastSeen, person.StillConnected, person.ConnectedTime),
                StringComparer.Ordinal);
            Assert.Equal(expected, summed);
        }
    }

    [Fact]
    public void Counts_overlapping_rows_of_one_name_once_and_rows_of_no_length_as_sessions_without_time()
    {
        // Arrange: laptop 0–30, phone 20–40, an instant at 50, and someone else 0–10.
        List<Session> sessions =
        [
            new("Li Lei", Nine.AddMinutes(20), Nine.AddMinutes(40), Open: false),
            new("Han Meimei", Nine, Nine.AddMinutes(10), Open: false),
            new("Li Lei", Nine.AddMinutes(50), Nine.AddMinutes(50), Open: false),
            new("Li Lei", Nine, Nine.AddMinutes(30), Open: false),
        ];
        var into = new List<PersonSum>();

        // Act
        SumByName(sessions, into);

        // Assert
        Assert.Equal(
            [
                new PersonSum("Han Meimei", 1, Nine, Nine.AddMinutes(10), false, TimeSpan.FromMinutes(10)),
                new PersonSum("Li Lei", 3, Nine, Nine.AddMinutes(50), false, TimeSpan.FromMinutes(40)),
            ],
            into);
    }
}
