using UMeetingReports.Web.Hosting;
using UMeetingReports.Web.Pages.Account;

if (args is ["hash-password", ..])
{
    return HashPasswordCommand.Run();
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddJsonWhenAsked(builder.Configuration);

builder.Services.AddMeetingReports();
builder.Services.AddMeetingReportsWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

if (args is ["migrate", ..])
{
    // Brings the archive's schema up to date and stops, without serving or reading the meeting service.
    await app.Services.MigrateArchiveAsync(CancellationToken.None);
    Console.WriteLine("The archive's schema is up to date.");
    return 0;
}

app.UseMeetingReportsWeb();
app.MapMeetingReportsWeb();

await app.RunAsync();
return 0;

public partial class Program;
