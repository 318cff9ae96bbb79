using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// Core registered in a plain host over in-memory settings (a working account plus <c>overrides</c>), for tests of
/// what happens at start: options that fail fast, registrations that resolve.
/// </summary>
internal static class ConfiguredHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? register = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["UMeeting:BaseUrl"] = "https://api.systeccloud.com",
            ["UMeeting:ApiKey"] = CoreHarness.ApiKey,
            ["UMeeting:ApiSecret"] = CoreHarness.ApiSecret,
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMeetingReports();
        register?.Invoke(builder.Services);

        // The reports read the archive: a host whose test says nothing of it gets a fresh one of its own.
        if (!builder.Services.Any(service => service.ServiceType == typeof(UMeetingReports.Core.Archive.ArchiveReader)))
        {
            builder.Services.AddMeetingArchive(HarnessArchive.ContentRoot, schedule: false);
            if (!overrides.Keys.Any(HarnessArchive.NamesTheArchive))
            {
                builder.Configuration.AddInMemoryCollection(HarnessArchive.Create().Settings);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The options-validation messages the host's start fails with (asserting that it fails). The resilience options
    /// read the upstream settings too, so the host may report the same sentence once for each.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartFailuresAsync(IHost host)
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));
        var failures = thrown is AggregateException aggregate ? aggregate.InnerExceptions : [thrown];
        return [.. failures.Select(failure => Assert.IsType<OptionsValidationException>(failure).Message)];
    }
}
