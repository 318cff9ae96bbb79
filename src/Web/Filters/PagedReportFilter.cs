using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace UMeetingReports.Web.Filters;

/// <summary>A report shown a page at a time (/meetings, /participants): the period and room, and the page size and number.</summary>
[ValidateNever]
internal abstract record PagedReportFilter : ReportFilter
{
    public const string PageSizeField = "page_size";
    public const string PageNumberField = "page_number";

    /// <summary>Written after the report's own fields, as the upstream's form lists them.</summary>
    private const int AfterTheReportsFields = 1;

    [QueryField(PageSizeField, Order = AfterTheReportsFields)]
    public int PageSize { get; set; } = FilterCheck.DefaultPageSize;

    /// <summary>Null while the address names no page: the first, and links to a new period or sort name none either.</summary>
    [QueryField(PageNumberField, Order = AfterTheReportsFields)]
    public int? PageNumber { get; set; }

    public int Page => PageNumber ?? 1;

    public override ReportFilter ForPeriod(DateOnly from, DateOnly to) => this with { From = from, To = to, PageNumber = null };

    public override void Check(FilterCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        base.Check(check);
        PageSize = check.PageSize(PageSizeField, PageSize);
        PageNumber = PageNumber is { } page ? check.PageNumber(PageNumberField, page) : null;
    }
}
