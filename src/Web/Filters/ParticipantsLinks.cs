using Microsoft.AspNetCore.Http.Extensions;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Web.Formatting;

namespace UMeetingReports.Web.Filters;

/// <summary>
/// Links to /participants that keep every filter, leaving out what is empty. Dates, sort and direction are always
/// written out, so a bookmark means the same thing tomorrow.
/// </summary>
internal sealed class ParticipantsLinks(string path, ParticipantsCriteria criteria)
{
    public string ForPage(int pageNumber) => Build(criteria with { PageNumber = pageNumber }, withPage: true);

    /// <summary>The column sorted the other way when it is the current one, its natural way otherwise; from page 1.</summary>
    public string ForSort(ParticipantSort sort)
    {
        var descending = sort == criteria.Sort ? !criteria.Descending : ParticipantsSorting.DescendingFirst(sort);
        return Build(criteria with { Sort = sort, Descending = descending }, withPage: false);
    }

    /// <summary>A new period starts at its first page.</summary>
    public string ForPeriod(DateOnly from, DateOnly to) => Build(criteria with { From = from, To = to }, withPage: false);

    private string Build(ParticipantsCriteria values, bool withPage)
    {
        var query = new QueryBuilder
        {
            { ParticipantsFields.From, Display.Invariant(values.From) },
            { ParticipantsFields.To, Display.Invariant(values.To) },
        };
        if (!string.IsNullOrEmpty(values.HostId))
        {
            query.Add(ParticipantsFields.HostId, values.HostId);
        }

        if (!string.IsNullOrEmpty(values.Name))
        {
            query.Add(ParticipantsFields.Name, values.Name);
        }

        query.Add(ParticipantsFields.Sort, ParticipantsSorting.KeyOf(values.Sort));
        query.Add(ParticipantsFields.Direction, values.Descending ? "desc" : "asc");
        query.Add(ParticipantsFields.PageSize, Display.Invariant(values.PageSize));
        if (withPage)
        {
            query.Add(ParticipantsFields.PageNumber, Display.Invariant(values.PageNumber));
        }

        return path + query.ToQueryString().ToUriComponent();
    }
}
