using System.Globalization;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.E2E.Formatting;

/// <summary>Display writes dates and times digit by digit; these hold it to what the invariant culture's patterns write.</summary>
public sealed class DisplayTests
{
    public static TheoryData<DateTimeOffset> Times() =>
    [
        new DateTimeOffset(2025, 3, 1, 9, 5, 7, TimeSpan.FromHours(8)),
        new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero),
        new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(999, 10, 2, 10, 20, 30, TimeSpan.FromHours(-5)),
        new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)),
    ];

    [Theory]
    [MemberData(nameof(Times))]
    public void Writes_times_as_the_invariant_patterns_do(DateTimeOffset time)
    {
        // Arrange
        var day = DateOnly.FromDateTime(time.DateTime);

        // Act
        var shown = (Display.Time(time), Display.Invariant(time), Display.Date(day), Display.Invariant(day));

        // Assert
        Assert.Equal(
            (time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            shown);
    }
}
