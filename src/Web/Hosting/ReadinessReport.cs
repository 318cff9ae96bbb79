using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// /healthz/ready as plain text: the overall status on the first line (what a probe that reads the body expects),
/// then one line per check with its reason, e.g. "umeeting-archive: Unhealthy: The archive (the SQLite file …) …".
/// The reasons are written to be shown to anyone: they never carry a credential.
/// </summary>
internal static class ReadinessReport
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder().Append(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status.ToString());
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(": ").Append(entry.Description.ReplaceLineEndings(" "));
            }

            text.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
