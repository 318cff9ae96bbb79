using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>A wrong archive setting stops the start with a sentence that names it.</summary>
public sealed class ArchiveOptionsTests
{
    [Fact]
    public async Task An_unknown_provider_stops_the_start_naming_Archive_Provider()
    {
        using var host = Build(new() { ["Archive:Provider"] = "Oracle" });

        var failures = await ConfiguredHost.StartFailuresAsync(host);

        Assert.Contains("Archive:Provider is 'Oracle': set it to Sqlite (the default, a file under the app's folder) or PostgreSQL.", failures.Single());
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_stops_the_start_naming_ConnectionStrings_Archive()
    {
        using var host = Build(new() { ["Archive:Provider"] = "PostgreSQL" });

        var failures = await ConfiguredHost.StartFailuresAsync(host);

        Assert.StartsWith("ConnectionStrings:Archive is empty: with Archive:Provider=PostgreSQL set it to the server's connection string", failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_interval_of_a_second_stops_the_start_naming_Archive_RefreshInterval()
    {
        using var host = Build(new() { ["Archive:RefreshInterval"] = "00:00:01" });

        var failures = await ConfiguredHost.StartFailuresAsync(host);

        Assert.StartsWith("Archive:RefreshInterval is 00:00:01: it must be between 00:00:10 and 1.00:00:00", failures.Single(), StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Hosting.IHost Build(Dictionary<string, string?> settings) =>
        ConfiguredHost.Build(settings, services => services.AddMeetingArchive(Path.GetTempPath(), schedule: false));
}
