using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace UMeetingReports.Web.Formatting;

/// <summary>
/// <c>&lt;input query-field="from" query-value="@inForce"&gt;</c> (and on a select): names the control after its
/// query-string field and, when <c>ModelState</c> holds a message for that field, marks it invalid, points
/// <c>aria-describedby</c> at the message, and shows what was typed so that it can be corrected. Otherwise an input
/// shows <c>query-value</c>, the value in force. A date field given text that is no date becomes a text field: the
/// browser's date picker cannot hold such text and would show a blank field beside a message about it.
/// </summary>
[HtmlTargetElement("input", Attributes = FieldAttribute)]
[HtmlTargetElement("select", Attributes = FieldAttribute)]
public sealed class QueryFieldTagHelper : TagHelper
{
    private const string FieldAttribute = "query-field";
    private const string ValueAttribute = "query-value";

    [HtmlAttributeName(FieldAttribute)]
    public string Field { get; set; } = "";

    [HtmlAttributeName(ValueAttribute)]
    public string? Value { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("name", Field);
        if (output.Attributes.TryGetAttribute("aria-describedby", out var given) && string.IsNullOrEmpty(given.Value?.ToString()))
        {
            output.Attributes.Remove(given);
        }

        var entry = FieldMessage.EntryOf(ViewContext.ModelState, Field);
        var invalid = entry is { Errors.Count: > 0 };
        if (context.AllAttributes.ContainsName(ValueAttribute))
        {
            var shown = invalid && entry!.AttemptedValue is { } typed ? typed : Value;
            output.Attributes.SetAttribute("value", shown);
            if (invalid && IsDateField(output) && !string.IsNullOrEmpty(shown) && !IsDate(shown))
            {
                output.Attributes.SetAttribute("type", "text");
            }
        }

        if (!invalid)
        {
            return;
        }

        output.AddClass("is-invalid", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = FieldMessage.IdOf(Field);
        if (output.Attributes.TryGetAttribute("aria-describedby", out var more))
        {
            describedBy += " " + more.Value;
        }

        output.Attributes.SetAttribute("aria-describedby", describedBy);
    }

    private static bool IsDateField(TagHelperOutput output) =>
        output.Attributes.TryGetAttribute("type", out var type) && string.Equals(type.Value?.ToString(), "date", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a date field can show: a real day written yyyy-MM-dd (the only form the filters accept).</summary>
    private static bool IsDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
}

/// <summary>
/// <c>&lt;field-message for="from" /&gt;</c>: the message <c>ModelState</c> holds for that field, or nothing. For a
/// field the form does not show (it came with the address), <c>about</c> says what it is: "The order in this address:
/// Sort by one of: …", since the message sits beside a box it is not about.
/// </summary>
[HtmlTargetElement("field-message", Attributes = ForAttribute, TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldMessage(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : TagHelper
{
    private const string ForAttribute = "for";

    [HtmlAttributeName(ForAttribute)]
    public string Field { get; set; } = "";

    /// <summary>What the field is, for one the form does not show.</summary>
    [HtmlAttributeName("about")]
    public string? About { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static string IdOf(string field) => "error-" + field;

    public static ModelStateEntry? EntryOf(ModelStateDictionary modelState, string field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(field, out var entry) ? entry : null;
    }

    /// <summary>The field's message, or null.</summary>
    public static string? MessageOf(ModelStateDictionary modelState, string field) =>
        EntryOf(modelState, field) is { Errors: [var first, ..] } ? first.ErrorMessage : null;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (MessageOf(ViewContext.ModelState, Field) is not { } message)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", IdOf(Field));
        output.Attributes.SetAttribute("class", "invalid-feedback d-block");
        output.Attributes.SetAttribute("data-testid", IdOf(Field));
        output.Content.SetContent(About is null ? message : text["{0}: {1}", About, message]);
    }
}
