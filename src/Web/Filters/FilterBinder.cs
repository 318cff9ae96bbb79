using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UMeetingReports.Core.Rooms;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Account;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// Binds every <see cref="QueryFilter"/>: each field's text is checked (length, control characters), parsed by its
/// type, and a value that does not parse leaves a message under the field's name and the default in place; then the
/// filter's own <see cref="QueryFilter.Check"/> runs. Missing days are today in the upstream's zone.
/// </summary>
internal sealed class FilterBinder : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var services = bindingContext.HttpContext.RequestServices;
        var fields = FilterFields.For(bindingContext.ModelType);
        var values = bindingContext.ValueProvider;

        // The room list is read only when a room is asked for; the page and its report share the one answer.
        var rooms = NamesRoom(fields, values)
            ? await services.GetRequiredService<IRoomDirectory>().GetRoomsAsync(bindingContext.HttpContext.RequestAborted).ConfigureAwait(false)
            : RoomList.Unknown;
        var context = new Context(
            services.GetRequiredService<UpstreamZone>().Today,
            services.GetRequiredService<IOptions<UMeetingOptions>>().Value,
            rooms,
            bindingContext.HttpContext.User.IsInRole(Roles.Admin),
            services.GetRequiredService<IStringLocalizer<SharedResource>>());

        bindingContext.Result = ModelBindingResult.Success(Bind(fields, values, context, bindingContext.ModelState, parent: null));
    }

    private static QueryFilter Bind(FilterFields fields, IValueProvider values, Context context, ModelStateDictionary modelState, (QueryFilter Filter, FilterFields Fields, NestedFilter Nested)? parent)
    {
        var filter = (QueryFilter)Activator.CreateInstance(fields.Type)!;
        var check = new FilterCheck(context.Today, context.Options, context.Rooms, context.RevealsPhoneNumbers, modelState, context.Text);
        foreach (var field in fields.Fields)
        {
            if (parent is { } outer && outer.Nested.Shares(field))
            {
                // Shared with the outer filter: read once, there (a day it leaves out is today, as everywhere).
                var shared = outer.Fields.Named(field.Name).Get(outer.Filter);
                field.Set(filter, shared ?? (field.Kind == FieldKind.Day && !field.IsNullable ? check.Today : null));
                continue;
            }

            var name = parent is { } nesting ? nesting.Nested.NameOf(field) : field.Name;
            var result = values.GetValue(name);
            Read(field, filter, name, result == ValueProviderResult.None ? null : result.FirstValue, check, modelState);
            Once(name, result, check);
        }

        if (parent is null && filter is ReportFilter report)
        {
            NoFirstDay(report, values, check, modelState);
        }

        foreach (var nested in fields.Nested)
        {
            nested.Property.SetValue(filter, BindNested(nested, filter, fields, values, context));
        }

        filter.Check(check);
        return filter;
    }

    /// <summary>
    /// A period given only its last day, before today (what a cleared first-day field sends): its first day would be
    /// today, after the end, so the first day is asked for, beside its own field. A last day from today on keeps the
    /// period from today.
    /// </summary>
    private static void NoFirstDay(ReportFilter filter, IValueProvider values, FilterCheck check, ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(values.GetValue(ReportFilter.FromField).FirstValue)
            && !string.IsNullOrWhiteSpace(values.GetValue(ReportFilter.ToField).FirstValue)
            && modelState.GetFieldValidationState(ReportFilter.ToField) != ModelValidationState.Invalid
            && filter.To < check.Today)
        {
            // The field shows what was sent (nothing), not the today it stands for meanwhile.
            modelState.SetModelValue(ReportFilter.FromField, string.Empty, string.Empty);
            check.Error(ReportFilter.FromField, "Choose the first day of the period: only its last day, {0}, is given.", Formatting.Display.Date(filter.To));
        }
    }

    /// <summary>
    /// A name given twice with two values (<c>from=2026-11-01&amp;from=2026-10-01</c>, an address edited by hand) is
    /// refused beside its field, rather than one of them silently winning: the form shows the first, the message both.
    /// The same value twice asks nothing contradictory and passes.
    /// </summary>
    private static void Once(string name, ValueProviderResult result, FilterCheck check)
    {
        if (result.Length > 1 && result.Values.Distinct(StringComparer.Ordinal).Take(2).ToArray() is [var first, var second])
        {
            check.Error(name, "This address gives this value twice, as “{0}” and as “{1}”: keep one.", first ?? "", second ?? "");
        }
    }

    /// <summary>The nested filter, checked on its own: null when a value of it would be refused.</summary>
    private static QueryFilter? BindNested(NestedFilter nested, QueryFilter outer, FilterFields outerFields, IValueProvider values, Context context)
    {
        var ownState = new ModelStateDictionary();
        var filter = Bind(nested.Fields, values, context, ownState, (outer, outerFields, nested));
        return ownState.IsValid ? filter : null;
    }

    private static void Read(FilterField field, QueryFilter filter, string name, string? value, FilterCheck check, ModelStateDictionary modelState)
    {
        var text = Text(name, value, check, modelState);
        if (text is null)
        {
            if (field.Kind == FieldKind.Day && !field.IsNullable)
            {
                field.Set(filter, check.Today);
            }

            return;
        }

        switch (field.Kind)
        {
            case FieldKind.Text:
                field.Set(filter, field.Attribute.PlusMayArriveAsSpace ? text.Replace(' ', '+') : text);
                break;
            case FieldKind.Day:
                field.Set(filter, Day(name, text, check, modelState));
                break;
            case FieldKind.Flag when Flag(text) is { } flag:
                field.Set(filter, flag);
                break;
            case FieldKind.Flag:
                Refuse(name, text, check, modelState, "Use true or false.");
                break;
            case FieldKind.Whole:
                // Not a whole number: below any range, so the filter's range check names the range in its message. A
                // whole number too large for an int is above any range (a page past the last, a size too large).
                field.Set(filter, int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
                    : IsDigits(text.TrimStart('+')) ? int.MaxValue
                    : int.MinValue);
                break;
            case FieldKind.Choice when field.TryChoose(text, out var choice):
                field.Set(filter, choice);
                break;
            case FieldKind.Choice:
                Refuse(name, text, check, modelState, field.Attribute.Invalid ?? "Choose one of: {0}.", string.Join(", ", field.ChoiceNames));
                break;
        }
    }

    /// <summary>The value trimmed; null when absent or blank, or when too long or holding control characters (with a message).</summary>
    private static string? Text(string name, string? value, FilterCheck check, ModelStateDictionary modelState)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > FilterCheck.MaxLength)
        {
            Refuse(name, value, check, modelState, "This value is longer than {0} characters.", FilterCheck.MaxLength);
            return null;
        }

        if (value.Any(char.IsControl))
        {
            Refuse(name, value, check, modelState, "This value contains control characters.");
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A day written yyyy-MM-dd from <see cref="FilterCheck.EarliestDay"/> to <see cref="FilterCheck.LatestDay"/>; today otherwise, with a message.</summary>
    private static DateOnly Day(string name, string text, FilterCheck check, ModelStateDictionary modelState)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // The message quotes what was given: the form shows it again in a text field (a date field would show nothing).
            Refuse(name, text, check, modelState, "Enter a date as year-month-day, e.g. {0}: “{1}” is not one.", Formatting.Display.Invariant(check.Today), text);
            return check.Today;
        }

        if (day < FilterCheck.EarliestDay || day > FilterCheck.LatestDay)
        {
            Refuse(name, text, check, modelState, "Enter a date from {0} to {1}.", Formatting.Display.Invariant(FilterCheck.EarliestDay), Formatting.Display.Invariant(FilterCheck.LatestDay));
            return check.Today;
        }

        return day;
    }

    /// <summary>The message, and the text as typed, which the form shows again so that it can be corrected.</summary>
    private static void Refuse(string name, string typed, FilterCheck check, ModelStateDictionary modelState, string format, params object[] arguments)
    {
        modelState.SetModelValue(name, typed, typed);
        check.Error(name, format, arguments);
    }

    /// <summary>
    /// A switch's value: true or false in any case, and what hand-written addresses and plain HTML checkboxes send for
    /// them, 1 or 0 and on or off; null for anything else.
    /// </summary>
    private static bool? Flag(string text) =>
        bool.TryParse(text, out var flag) ? flag
        : text is "1" || text.Equals("on", StringComparison.OrdinalIgnoreCase) ? true
        : text is "0" || text.Equals("off", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static bool NamesRoom(FilterFields fields, IValueProvider values) =>
        fields.Fields.Any(field => field.Name == ReportFilter.HostIdField && values.GetValue(field.Name) != ValueProviderResult.None)
        || fields.Nested.Any(nested => nested.Fields.Fields.Any(field => field.Name == ReportFilter.HostIdField && values.GetValue(nested.NameOf(field)) != ValueProviderResult.None));

    private sealed record Context(DateOnly Today, UMeetingOptions Options, RoomList Rooms, bool RevealsPhoneNumbers, IStringLocalizer Text);
}

/// <summary>Gives every <see cref="QueryFilter"/> its binder.</summary>
internal sealed class FilterBinderProvider : IModelBinderProvider
{
    private static readonly FilterBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return typeof(QueryFilter).IsAssignableFrom(context.Metadata.ModelType) ? Binder : null;
    }
}
