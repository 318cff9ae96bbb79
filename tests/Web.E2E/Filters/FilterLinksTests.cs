using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using UMeetingReports.Core.Export;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Reports.Participants;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Harness;
using UMeetingReports.Web.Filters;

namespace UMeetingReports.Web.E2E.Filters;

/// <summary>
/// One link builder for every filter: what it writes, and that a filter read back from the address it wrote is the
/// same filter (through the app's own binder, with the running app's zone, settings and rooms).
/// </summary>
public sealed class FilterLinksTests(MeetingReportsServer server)
{
    private static readonly DateOnly May1 = new(2025, 5, 1);
    private static readonly DateOnly May31 = new(2025, 5, 31);

    [Fact]
    public void Leaves_out_what_is_empty_or_false_and_writes_days_page_size_and_choices()
    {
        // Arrange
        var filter = new MeetingsFilter { From = May1, To = May31, ShowTelephonyUsage = true, Uuid = "" };

        // Act
        var link = FilterLinks.To("/meetings", filter);

        // Assert
        Assert.Equal("/meetings?from=2025-05-01&to=2025-05-31&show_telephony_usage=true&page_size=30", link);
    }

    [Fact]
    public void Writes_a_nested_list_under_its_prefix_and_shares_the_period()
    {
        // Arrange
        var list = new MeetingsFilter { From = May1, To = May31, HostId = "room/1", PageSize = 10, PageNumber = 3 };
        var meeting = new MeetingFilter { Uuid = "a+b/c=", From = May1, To = May31, Back = list };

        // Act
        var link = FilterLinks.To("/meeting", meeting);

        // Assert
        Assert.Equal("/meeting?uuid=a%2Bb%2Fc%3D&from=2025-05-01&to=2025-05-31&back_host_id=room%2F1&back_page_size=10&back_page_number=3", link);
    }

    /// <summary>One filter of each kind, with every field that kind has set to something other than its default.</summary>
    private static QueryFilter FilterOfKind(string kind, string room) => kind switch
    {
        "report" => new ReportFilter { From = May1, To = May31, HostId = room },
        "meetings" => new MeetingsFilter { From = May1, To = May31, HostId = room, Uuid = "x+y/z==", ShowParticipants = true, PageSize = 50, PageNumber = 4 },
        "participants" => new ParticipantsFilter { From = May1, To = May31, Name = "王 伟", Sort = ParticipantSort.FirstSeen, Direction = SortDirection.Desc, PageSize = 100 },
        "export" => new ExportFilter { From = May1, To = May31, Name = "+86", Sort = MeetingSort.PhoneCost, Direction = SortDirection.Asc, Format = ExportFormat.Csv, Table = CsvTable.Telephony },
        _ => new MeetingFilter
        {
            Uuid = "a+b/c=",
            From = May1,
            To = May31,
            Back = new MeetingsFilter { From = May1, To = May31, HostId = room, ShowTelephonyUsage = true, PageSize = 10, PageNumber = 2 },
        },
    };

    [Theory]
    [InlineData("report")]
    [InlineData("meetings")]
    [InlineData("participants")]
    [InlineData("export")]
    [InlineData("meeting")]
    public async Task A_filter_read_back_from_the_link_it_writes_is_the_same_filter(string kind)
    {
        // Arrange
        var filter = FilterOfKind(kind, server.Services.GetRequiredService<SimulatorDataset>().Rooms[0].HostId);
        var link = FilterLinks.To("/any", filter);

        // Act
        var (read, modelState) = await BindAsync(filter.GetType(), link);

        // Assert
        Assert.True(modelState.IsValid, string.Join("; ", modelState.SelectMany(entry => entry.Value!.Errors.Select(error => $"{entry.Key}: {error.ErrorMessage}"))));
        Assert.Equal(filter, read);
    }

    private async Task<(QueryFilter Filter, ModelStateDictionary ModelState)> BindAsync(Type type, string link)
    {
        using var scope = server.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var query = new QueryCollection(QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query));
        var values = new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture);
        var metadata = scope.ServiceProvider.GetRequiredService<IModelMetadataProvider>().GetMetadataForType(type);
        var context = DefaultModelBindingContext.CreateBindingContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), values, metadata, bindingInfo: null, modelName: "");

        await new FilterBinder().BindModelAsync(context);

        return ((QueryFilter)context.Result.Model!, context.ModelState);
    }
}
