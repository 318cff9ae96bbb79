using Microsoft.AspNetCore.Razor.TagHelpers;

namespace UMeetingReports.Web.Formatting;

/// <summary>
/// <c>&lt;td show-count="@n"&gt;</c>, <c>show-yuan</c>, <c>show-time</c>: writes the value for people and its
/// invariant form in <c>data-value</c>, so no number on a page lacks one. A null value leaves the element as written.
/// </summary>
[HtmlTargetElement(Attributes = CountAttribute)]
[HtmlTargetElement(Attributes = YuanAttribute)]
[HtmlTargetElement(Attributes = TimeAttribute)]
public sealed class ValueTagHelper : TagHelper
{
    private const string CountAttribute = "show-count";
    private const string YuanAttribute = "show-yuan";
    private const string TimeAttribute = "show-time";

    [HtmlAttributeName(CountAttribute)]
    public int? Count { get; set; }

    [HtmlAttributeName(YuanAttribute)]
    public decimal? Yuan { get; set; }

    [HtmlAttributeName(TimeAttribute)]
    public DateTimeOffset? Time { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (invariant, shown) = (Count, Yuan, Time) switch
        {
            ({ } count, _, _) => (Display.Invariant(count), Display.Count(count)),
            (_, { } yuan, _) => (Display.Invariant(yuan), Display.Yuan(yuan)),
            (_, _, { } time) => (Display.Invariant(time), Display.Time(time)),
            _ => (null, null),
        };

        if (invariant is not null)
        {
            output.Attributes.SetAttribute("data-value", invariant);
            output.Content.SetContent(shown);
        }
    }
}
