using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// Starts the app as Program.cs does, on its own (not through WebApplicationFactory, which, when an app refuses to
/// start, may report its own disposed service provider instead of the app's sentence), and gives back why it did not
/// start; null when it started (it is then stopped at once).
/// </summary>
internal static class AppStart
{
    public static async Task<Exception?> RefusalAsync(string environment, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)))
            {
                ["Logging:LogLevel:Default"] = "None",
                ["urls"] = "http://127.0.0.1:0",
            });
            builder.Services.AddMeetingReports();
            builder.Services.AddMeetingReportsWeb(builder.Configuration, builder.Environment);
            app = builder.Build();
            app.UseMeetingReportsWeb();
            app.MapMeetingReportsWeb();
            await app.StartAsync(TestContext.Current.CancellationToken);
            await app.StopAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
