using ClosedXML.Excel;
using Microsoft.Playwright;

namespace UMeetingReports.Web.E2E.Pages;

/// <summary>The download buttons beside a report's title (/meetings, /meeting, /participants, /telephony, /rooms).</summary>
public sealed class ReportDownloads(IPage page)
{
    public ILocator Excel => page.GetByTestId("download-excel");

    /// <summary>A CSV link of /meetings: meetings, participants or telephony.</summary>
    public ILocator Csv(string table) => page.GetByTestId($"download-csv-{table}");

    /// <summary>Clicks a download link and waits for the browser to save the file it sends.</summary>
    public static async Task<SavedFile> SaveAsync(IPage page, ILocator link)
    {
        ArgumentNullException.ThrowIfNull(page);
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        return new SavedFile(download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    public Task<SavedFile> SaveExcelAsync() => SaveAsync(page, Excel);
}

/// <summary>A file the browser downloaded: the name it suggests and the bytes.</summary>
public sealed record SavedFile(string Name, byte[] Bytes)
{
    /// <summary>The bytes opened as a workbook; ClosedXML refuses anything that is not a whole, valid package.</summary>
    public XLWorkbook OpenWorkbook() => new(new MemoryStream(Bytes));
}
