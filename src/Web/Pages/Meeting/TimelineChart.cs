using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Meeting;

/// <summary>
/// The Chart.js configuration of a meeting's timeline: a horizontal floating-bar chart, one row per person and one
/// [start, end] bar per session, in minutes from the start. Chart.js puts one value per row in each dataset, so
/// dataset k holds every person's k-th session; the datasets are drawn over each other, not side by side.
/// </summary>
internal static class TimelineChart
{
    public const string Id = "meeting-timeline";

    private const string SessionColour = "#3b6ea5";
    private const string ConnectedColour = "#2f9e44";

    /// <param name="axisTitle">The x axis's title, localized.</param>
    /// <param name="sessionLabel">A dataset's name from its 1-based number, localized (shown in tooltips).</param>
    /// <param name="minutesSuffix">What follows a number of minutes in a tooltip, localized, e.g. " min".</param>
    public static object Configuration(MeetingTimeline timeline, string axisTitle, Func<int, string> sessionLabel, string minutesSuffix)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(sessionLabel);
        var people = timeline.People;
        var mostSessions = people.Count == 0 ? 0 : people.Max(person => person.Bars.Count);
        var datasets = Enumerable.Range(0, mostSessions).Select(index => new
        {
            Label = sessionLabel(index + 1),
            Data = people.Select(person => index < person.Bars.Count ? new[] { person.Bars[index].StartMinute, person.Bars[index].EndMinute } : null).ToArray(),
            BackgroundColor = people.Select(person => index < person.Bars.Count && person.Bars[index].StillConnected ? ConnectedColour : SessionColour).ToArray(),
            Grouped = false,
            MinBarLength = 2,
        });

        return new
        {
            Type = "bar",
            Data = new { Labels = people.Select(person => person.Name).ToArray(), Datasets = datasets.ToArray() },
            Options = new
            {
                IndexAxis = "y",
                Scales = new
                {
                    X = new { Type = "linear", Min = 0, Max = Math.Max(timeline.LengthMinutes, 1), Title = new { Display = true, Text = axisTitle } },
                    Y = new { Ticks = new { AutoSkip = false } },
                },
                Plugins = new { Legend = new { Display = false } },
            },
            Meta = new { Rows = people.Count, ValueSuffix = minutesSuffix },
        };
    }
}
