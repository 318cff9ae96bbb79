using System.Globalization;

namespace UMeetingReports.Core.Upstream.Wire;

/// <summary>Builds the form fields of a call, in the upstream's own names. Optional filters are left out when unset.</summary>
internal static class UpstreamForm
{
    public static Dictionary<string, string> Credentials(UMeetingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(StringComparer.Ordinal)
        {
            ["api_key"] = options.ApiKey,
            ["api_secret"] = options.ApiSecret,
        };
    }

    public static Dictionary<string, string> Detail(UMeetingOptions options, MeetingQuery query, DatePeriod window, int pageSize, int pageNumber)
    {
        ArgumentNullException.ThrowIfNull(query);
        var form = Credentials(options);
        form["from"] = Date(window.From);
        form["to"] = Date(window.To);
        if (!string.IsNullOrEmpty(query.HostId))
        {
            form["host_id"] = query.HostId;
        }

        if (!string.IsNullOrEmpty(query.Uuid))
        {
            form["uuid"] = query.Uuid;
        }

        form["show_participants"] = Flag(query.ShowParticipants);
        form["show_telephony_usage"] = Flag(query.ShowTelephonyUsage);
        form["page_size"] = pageSize.ToString(CultureInfo.InvariantCulture);
        form["page_number"] = pageNumber.ToString(CultureInfo.InvariantCulture);
        return form;
    }

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";
}
