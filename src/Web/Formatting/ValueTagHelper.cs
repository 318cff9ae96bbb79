using Microsoft.AspNetCore.Razor.TagHelpers;

namespace UMeetingReports.Web.Formatting;

/// <summary>
/// <c>&lt;td show-count="@n"&gt;</c>, <c>show-yuan</c>, <c>show-time</c>, <c>show-duration</c>, <c>show-share</c>: writes the value for people and its
/// invariant form in <c>data-value</c>, so no number on a page lacks one. A null value leaves the element as written.
/// </summary>
[HtmlTargetElement(Attributes = CountAttribute)]
[HtmlTargetElement(Attributes = YuanAttribute)]
[HtmlTargetElement(Attributes = TimeAttribute)]
[HtmlTargetElement(Attributes = DurationAttribute)]
[HtmlTargetElement(Attributes = ShareAttribute)]
public sealed class ValueTagHelper : TagHelper
{
    private const string CountAttribute = "show-count";
    private const string YuanAttribute = "show-yuan";
    private const string TimeAttribute = "show-time";
    private const string DurationAttribute = "show-duration";
    private const string ShareAttribute = "show-share";

    [HtmlAttributeName(CountAttribute)]
    public int? Count { get; set; }

    [HtmlAttributeName(YuanAttribute)]
    public decimal? Yuan { get; set; }

    [HtmlAttributeName(TimeAttribute)]
    public DateTimeOffset? Time { get; set; }

    [HtmlAttributeName(DurationAttribute)]
    public TimeSpan? Duration { get; set; }

    /// <summary>A part of a whole, 0 to 1, shown as a percent.</summary>
    [HtmlAttributeName(ShareAttribute)]
    public double? Share { get; set; }

    /// <summary>Decimals of a share's percentage: 0 (6 %) unless a change beside it is told in tenths of a point.</summary>
    [HtmlAttributeName("share-decimals")]
    public int ShareDecimals { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (invariant, shown) = (Count, Yuan, Time, Duration, Share) switch
        {
            ({ } count, _, _, _, _) => (Display.Invariant(count), Display.Count(count)),
            (_, { } yuan, _, _, _) => (Display.Invariant(yuan), Display.Yuan(yuan)),
            (_, _, { } time, _, _) => (Display.Invariant(time), Display.Time(time)),
            (_, _, _, { } duration, _) => (Display.Invariant(duration), Display.Duration(duration)),
            (_, _, _, _, { } share) => (Display.InvariantShare(share), Display.Percent(share, ShareDecimals)),
            _ => (null, null),
        };

        if (invariant is not null)
        {
            output.Attributes.SetAttribute("data-value", invariant);
            output.Content.SetContent(shown);
        }
    }
}
