using System.Globalization;
using Microsoft.Extensions.Options;

namespace UMeetingReports.Core.Reports.Analytics;

/// <summary>
/// "Reports:Licences": how many room licences the account holds. Optional: without it no page claims that more
/// licences are needed, since the share of overflow meetings alone cannot say so.
/// </summary>
public sealed class LicenceOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// The number as configured. Read as text so that a word stops the app with a sentence naming the setting rather
    /// than the binder's conversion error; blank counts as not set (an empty environment variable).
    /// </summary>
    public string? Licences { get; set; }

    /// <summary>The licences held; null when not set (validated at start, so a set value is a positive whole number).</summary>
    internal int? Count =>
        string.IsNullOrWhiteSpace(Licences) ? null
        : int.TryParse(Licences.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
        : null;
}

/// <summary>Checked at start: a value that is set must be a whole number of at least one.</summary>
internal sealed class LicenceOptionsValidator : IValidateOptions<LicenceOptions>
{
    public ValidateOptionsResult Validate(string? name, LicenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Licences))
        {
            return ValidateOptionsResult.Success;
        }

        var text = options.Licences.Trim();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return ValidateOptionsResult.Fail($"Reports:Licences is '{text}', which is not a whole number: give how many room licences the account holds, e.g. 8, or leave the setting out.");
        }

        return number switch
        {
            < 1 => ValidateOptionsResult.Fail($"Reports:Licences is {number}: an account holds at least one room licence; give how many it holds, e.g. 8, or leave the setting out."),
            > int.MaxValue => ValidateOptionsResult.Fail($"Reports:Licences is {number}, more than any account holds: give how many room licences the account holds, e.g. 8."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
