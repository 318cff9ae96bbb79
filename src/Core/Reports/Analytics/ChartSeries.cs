namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// The data of one chart: a label per point and one or more datasets with a value per label (stacked when
/// there are several). The page writes it as JSON for the chart script and as its "show as table" alternative.
/// </summary>
public sealed record ChartSeries(IReadOnlyList<string> Labels, IReadOnlyList<ChartDataset> Datasets)
{
    /// <summary>Every value of every dataset: for a stacked money chart, the same sum as the report's total.</summary>
    public decimal Total => Datasets.Sum(dataset => dataset.Total);
}

/// <summary>
/// One dataset. <see cref="Name"/> is either data (a call type as the upstream sends it) or one of the
/// <see cref="SeriesNames"/> keys, which the page localizes.
/// </summary>
public sealed record ChartDataset(string Name, IReadOnlyList<decimal> Values)
{
    public decimal Total => Values.Sum();
}

/// <summary>Keys of datasets that are not data themselves; the web layer turns them into words.</summary>
public static class SeriesNames
{
    public const string Cost = "cost";

    public const string Minutes = "minutes";

    public const string RegularMeetings = "regular";

    public const string OverflowMeetings = "overflow";

    public const string Meetings = "meetings";

    /// <summary>Participant rows: every join counted.</summary>
    public const string Participants = "participants";

    /// <summary>Distinct names.</summary>
    public const string People = "people";
}
