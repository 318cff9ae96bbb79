using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.Pages.Meeting;

/// <summary>
/// The Chart.js configuration of a meeting's timeline: a horizontal floating-bar chart, one row per person and one
/// [start, end] bar per session. Chart.js puts one value per row in each dataset, so dataset k holds every person's
/// k-th session; the datasets are drawn over each other, not side by side.
/// The axis reads clock times of the service's zone, as every time on the page does: values are minutes since the
/// midnight before the meeting's start (a linear axis needs no date adapter in the browser), written as HH:mm by
/// charts.js (meta.clock), with a tick step that lands on round times.
/// </summary>
internal static class TimelineChart
{
    public const string Id = "meeting-timeline";

    private const string SessionColour = "#3b6ea5";
    private const string ConnectedColour = "#2f9e44";

    /// <summary>Tick steps in minutes that read as round clock times; the first that gives at most eight ticks is used.</summary>
    private static readonly int[] Steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

    /// <param name="start">The meeting's start in the service's zone (its wall-clock time is the axis's origin).</param>
    /// <param name="axisTitle">The x axis's title, localized.</param>
    /// <param name="sessionLabel">A dataset's name from its 1-based number, localized (shown in tooltips).</param>
    public static object Configuration(MeetingTimeline timeline, DateTimeOffset start, string axisTitle, Func<int, string> sessionLabel)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(sessionLabel);
        var origin = Math.Round(start.TimeOfDay.TotalMinutes, 2, MidpointRounding.AwayFromZero);
        var length = Math.Max(timeline.LengthMinutes, 1);
        var people = timeline.People;
        var mostSessions = people.Count == 0 ? 0 : people.Max(person => person.Bars.Count);
        var datasets = Enumerable.Range(0, mostSessions).Select(index => new
        {
            Label = sessionLabel(index + 1),
            Data = people.Select(person => index < person.Bars.Count ? new[] { origin + person.Bars[index].StartMinute, origin + person.Bars[index].EndMinute } : null).ToArray(),
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
                    X = new
                    {
                        Type = "linear",
                        Min = origin,
                        Max = origin + length,
                        Title = new { Display = true, Text = axisTitle },
                        Ticks = new { StepSize = Steps.FirstOrDefault(step => length / step <= 8, Steps[^1]) },
                    },
                    Y = new { Ticks = new { AutoSkip = false } },
                },
                Plugins = new { Legend = new { Display = false } },
            },
            Meta = new { Rows = people.Count, Clock = true },
        };
    }
}
