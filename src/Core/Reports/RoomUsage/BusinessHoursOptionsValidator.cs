using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Reports.RoomUsage;

/// <summary>Checked at start: each failure is a sentence that names the setting and says what would be right.</summary>
internal sealed class BusinessHoursOptionsValidator : IValidateOptions<BusinessHoursOptions>
{
    public ValidateOptionsResult Validate(string? name, BusinessHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.End <= options.Start)
        {
            failures.Add($"Reports:BusinessHours:End ({options.End:HH\\:mm}) must be later than Reports:BusinessHours:Start ({options.Start:HH\\:mm}): business hours are one stretch inside a day, e.g. 09:00 to 18:00.");
        }

        foreach (var day in (options.Days ?? []).Where(day => BusinessHoursOptions.ParseDay(day) is null))
        {
            failures.Add($"Reports:BusinessHours:Days holds '{day}', which is not a day of the week: use the English names Monday to Sunday.");
        }

        if (options.Days is { Count: 0 })
        {
            failures.Add("Reports:BusinessHours:Days is empty: name at least one business day, or leave the setting out for Monday to Friday.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
