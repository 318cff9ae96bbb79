using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Archive;

/// <summary>One row of /archive as its hooks give it.</summary>
internal sealed record ArchiveRow(string Month, string State, int Records, DateTimeOffset? CompletedAt, string Error);

/// <summary>/archive read through its hooks: the month windows and the upstream requests figure.</summary>
internal static partial class ArchivePage
{
    public static IReadOnlyList<ArchiveRow> Rows(string html) =>
        Hooks.Rows(html, "archive-window").Select(row =>
        {
            var head = RowHead().Match(row);
            var completed = WebUtility.HtmlDecode(head.Groups["completed"].Value);
            return new ArchiveRow(
                head.Groups["month"].Value,
                head.Groups["state"].Value,
                int.Parse(head.Groups["records"].Value, CultureInfo.InvariantCulture),
                completed.Length == 0 ? null : DateTimeOffset.Parse(completed, CultureInfo.InvariantCulture),
                Hooks.Text(row, "archive-window-error") ?? "");
        }).ToList();

    public static long UpstreamRequests(string html) =>
        long.Parse(Hooks.Value(html, "upstream-requests") ?? throw new InvalidOperationException("/archive shows no upstream-requests figure."), CultureInfo.InvariantCulture);

    /// <summary>Reads /archive until <paramref name="done"/> holds for its rows (or a minute and a half has passed), and returns the last page.</summary>
    public static async Task<string> WaitUntilAsync(HttpSession session, Func<IReadOnlyList<ArchiveRow>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var (status, html) = await session.GetPageAsync("/archive");
            Assert.Equal(HttpStatusCode.OK, status);
            if (done(Rows(html)) || DateTime.UtcNow > deadline)
            {
                return html;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"data-month=""(?<month>[^""]*)"" data-state=""(?<state>[^""]*)"" data-records=""(?<records>\d+)""(?:\s+data-completed=""(?<completed>[^""]*)"")?")]
    private static partial Regex RowHead();
}
