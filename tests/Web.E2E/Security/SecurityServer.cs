using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using UMeetingReports.Core.Reports.Meetings;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.E2E.Harness;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>
/// The demo app as it runs in production (environment Production), with two configured accounts whose passwords
/// appear nowhere else, every log line captured, and a content root of its own (a copy of the web project's
/// settings and wwwroot) so that a test can prove the app wrote nothing to it. Retries and the circuit breaker are
/// loosened, so that hundreds of requests and a few injected faults in one test cannot slow or break the next (the
/// demo sets no upstream rate limit of its own: its upstream is this process).
/// </summary>
public sealed class SecurityServer : MeetingReportsServer
{
    public const string AdminName = "admin";
    public const string AdminPassword = "Pa55-unique-phrase";
    public const string ViewerName = "viewer";
    public const string ViewerPassword = "Viewer-Pa55-own-phrase";

    /// <summary>The demo's upstream secret (what the app sends to the embedded simulator).</summary>
    public const string ApiSecret = "demo-secret";

    /// <summary>A record id for which the meetings report throws, as a bug would: /meetings?uuid=… shows the 500 page.</summary>
    public const string FailingUuid = "bug-marker-3c9e";

    /// <summary>The bug's exception message: the error page outside Development must not show it.</summary>
    public const string BugMessage = "Unexpected state in the report (stack-trace-marker-5d21)";

    public LogCapture Logs { get; } = new();

    public string ContentRoot { get; } = CopyOfWebContentRoot();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Users:0:Name"] = AdminName,
        ["Auth:Users:0:PasswordHash"] = Hash(AdminPassword),
        ["Auth:Users:0:Role"] = "Admin",
        ["Auth:Users:1:Name"] = ViewerName,
        ["Auth:Users:1:PasswordHash"] = Hash(ViewerPassword),
        ["Auth:Users:1:Role"] = "Viewer",
        ["Auth:MaxFailedSignIns"] = "1000",
        ["UMeeting:BreakerMinimumThroughput"] = "10000",
        ["UMeeting:MaxRetryAttempts"] = "1",
        ["UMeeting:RetryDelay"] = "00:00:00",
        ["Gathering:RenderWait"] = "00:00:05",

        // The HSTS test stands for a TLS-terminating proxy on this machine: it must be configured to be believed.
        ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(ContentRoot, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseContentRoot(ContentRoot);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddLogging(logging => logging.AddFilter<LogCapture>(null, LogLevel.Debug));

            var report = services.Last(descriptor => descriptor.ServiceType == typeof(IMeetingsReportService));
            services.Replace(ServiceDescriptor.Describe(
                typeof(IMeetingsReportService),
                provider => new BugOnMarker((IMeetingsReportService)ActivatorUtilities.CreateInstance(provider, report.ImplementationType!)),
                report.Lifetime));
        });
    }

    private static string Hash(string password) => new PasswordHasher<object>().HashPassword(new object(), password);

    /// <summary>The files the app reads from its content root, copied to a new temporary directory.</summary>
    private static string CopyOfWebContentRoot()
    {
        var testProject = typeof(SecurityServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(attribute => attribute.Key == "ProjectDirectory").Value!;
        var web = Path.GetFullPath(Path.Combine(testProject, "..", "..", "src", "Web"));
        var copy = Directory.CreateTempSubdirectory("umeeting-security-").FullName;
        foreach (var settings in Directory.EnumerateFiles(web, "appsettings*.json"))
        {
            File.Copy(settings, Path.Combine(copy, Path.GetFileName(settings)));
        }

        var wwwroot = Path.Combine(web, "wwwroot");
        foreach (var file in Directory.EnumerateFiles(wwwroot, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, "wwwroot", Path.GetRelativePath(wwwroot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private sealed class BugOnMarker(IMeetingsReportService inner) : IMeetingsReportService
    {
        public Task<UpstreamResult<MeetingsReport>> GetAsync(MeetingsRequest request, CancellationToken cancellationToken) =>
            request.Query.Uuid == FailingUuid
                ? throw new InvalidOperationException(BugMessage)
                : inner.GetAsync(request, cancellationToken);
    }
}

/// <summary>The security tests share one <see cref="SecurityServer"/> and run one after another on it.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityTests : ICollectionFixture<SecurityServer>
{
    public const string Name = "Security";
}
