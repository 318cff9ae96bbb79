namespace UMeetingReports.Web.Filters;

/// <summary>
/// A page's query string as a record of typed fields (<see cref="QueryFieldAttribute"/>). <see cref="FilterBinder"/>
/// reads it by ASP.NET Core's model binding: every value arrives as text and is parsed there, so a malformed value is
/// a message in <c>ModelState</c> under its field's name (the page answers 400), never a binding exception. Missing
/// values keep the defaults a record states; what depends on other fields, the settings or the room list is checked in
/// <see cref="Check"/>. A record, so that links are written as <c>filter with { PageNumber = 2 }</c>.
/// </summary>
internal abstract record QueryFilter
{
    /// <summary>
    /// Rules across fields and against the settings and the room list, run once every field has been read; also
    /// where defaults that depend on other fields are filled in. A field that already has a message gets no second.
    /// </summary>
    public virtual void Check(FilterCheck check)
    {
    }
}
