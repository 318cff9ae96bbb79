using UMeetingReports.Web.Pages.Account;

if (args is ["hash-password", ..])
{
    return HashPasswordCommand.Run();
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMeetingReports();
builder.Services.AddMeetingReportsWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseMeetingReportsWeb();
app.MapMeetingReportsWeb();

await app.RunAsync();
return 0;

public partial class Program;
