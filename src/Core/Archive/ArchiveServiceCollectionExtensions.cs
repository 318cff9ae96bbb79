using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.DataProtection;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Instances;

namespace Microsoft.Extensions.DependencyInjection;

public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Registers the archive: its settings ("Archive" and ConnectionStrings:Archive, validated at start), the
    /// database (a relative SQLite file is found under <paramref name="contentRoot"/>), the migrations applied when
    /// the host starts, the synchroniser and the background schedule. Needs <c>AddMeetingReports()</c> (the reader).
    /// </summary>
    /// <param name="schedule">False registers everything but the background schedule (months are then read on demand only).</param>
    public static IServiceCollection AddMeetingArchive(this IServiceCollection services, string contentRoot, bool schedule = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);

        services.AddOptions<ArchiveOptions>()
            .BindConfiguration(ArchiveOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString(ArchiveOptions.ConnectionStringName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>());

        services.TryAddSingleton(new ArchiveContentRoot(contentRoot));
        services.TryAddSingleton<ArchiveDatabase>();
        services.TryAddSingleton<IDbContextFactory<ArchiveContext>>(provider => provider.GetRequiredService<ArchiveDatabase>());
        services.TryAddScoped(provider => provider.GetRequiredService<ArchiveDatabase>().CreateDbContext());
        services.TryAddSingleton<ArchiveMigrationState>();
        services.TryAddSingleton<ArchiveMigrator>();
        services.TryAddSingleton<MonthWindowSync>();
        services.TryAddSingleton<HeldMonths>();
        services.TryAddSingleton<ReaderCollations>();
        services.TryAddSingleton<InstanceIdentity>();
        services.TryAddSingleton<ArchiveLeases>();
        services.TryAddSingleton<ArchiveCoordination>();
        services.TryAddSingleton<IEndedSessions, EndedSessions>();
        services.TryAddSingleton<ISignInCounters, SignInCounters>();
        services.TryAddSingleton<IDownloadJobStore, DownloadJobStore>();
        services.TryAddSingleton<ArchiveSynchroniser>();
        services.TryAddSingleton<IArchiveSynchroniser>(provider => provider.GetRequiredService<ArchiveSynchroniser>());
        services.TryAddSingleton<IArchiveHealth, ArchiveHealth>();
        services.TryAddSingleton<IArchiveOverview, ArchiveOverviewService>();
        services.TryAddScoped<IArchivePeriods, ArchivePeriods>();
        services.TryAddScoped<ArchiveReader>();

        // The reports that read the archive.
        services.AddMemoryCache();
        services.TryAddSingleton<UMeetingReports.Core.Reports.Meetings.MeetingCounts>();
        services.TryAddSingleton<UMeetingReports.Core.Reports.Meetings.MeetingPages>();
        services.TryAddScoped<UMeetingReports.Core.Reports.Meetings.IMeetingsReportService, UMeetingReports.Core.Reports.Meetings.MeetingsReportService>();
        services.TryAddScoped<UMeetingReports.Core.Reports.Meetings.IListedMeetingCount, UMeetingReports.Core.Reports.Meetings.ListedMeetingCount>();

        // Hosted services start in this order: the schema is brought up to date before the schedule reads anything.
        services.AddHostedService<ArchiveMigrationService>();
        if (schedule)
        {
            services.AddHostedService<ArchiveSyncService>();
        }

        return services;
    }

    /// <summary>
    /// Keeps the data-protection keys (which sign-in cookies and antiforgery tokens are protected with) in the archive's
    /// database, on either provider: every instance on that database reads the same key ring, so a cookie one issued
    /// another honours, and a restart keeps everyone signed in. The application name is fixed so that instances
    /// installed in different folders share the keys' purposes.
    /// </summary>
    public static IDataProtectionBuilder PersistKeysToArchive(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.SetApplicationName("UMeetingReports").PersistKeysToDbContext<ArchiveContext>();
    }

    /// <summary>
    /// Brings the archive's schema up to date and returns (the <c>migrate</c> command, for operators who prefer to
    /// migrate before starting the app). A database newer than this version, or one that cannot be read, throws
    /// with a sentence that names it.
    /// </summary>
    public static Task MigrateArchiveAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<ArchiveMigrator>().MigrateAsync(cancellationToken);
    }
}
