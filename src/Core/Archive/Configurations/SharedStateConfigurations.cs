using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> builder)
    {
        builder.ToTable("ended_sessions");
        builder.HasKey(session => session.SessionId);
        builder.Property(session => session.SessionId).HasMaxLength(64);
        builder.HasIndex(session => session.ExpiresAtUtc);
    }
}

internal sealed class SignInCounterConfiguration : IEntityTypeConfiguration<SignInCounter>
{
    public void Configure(EntityTypeBuilder<SignInCounter> builder)
    {
        builder.ToTable("sign_in_counters");
        builder.HasKey(counter => counter.Key);
        builder.Property(counter => counter.Key).HasMaxLength(300);
        builder.HasIndex(counter => counter.WindowStartedUtc);
    }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.ToTable("leases");
        builder.HasKey(lease => lease.Name);
        builder.Property(lease => lease.Name).HasMaxLength(100);
        builder.Property(lease => lease.Holder).HasMaxLength(100);
    }
}

internal sealed class DownloadJobRecordConfiguration : IEntityTypeConfiguration<DownloadJobRecord>
{
    public void Configure(EntityTypeBuilder<DownloadJobRecord> builder)
    {
        builder.ToTable("download_jobs");
        builder.HasKey(job => job.Id);
        builder.Property(job => job.Id).HasMaxLength(32);
        builder.Property(job => job.Owner).HasMaxLength(200);
        builder.Property(job => job.State).HasMaxLength(10);
        builder.Property(job => job.Stage).HasMaxLength(10);
        builder.Property(job => job.Instance).HasMaxLength(100);
        builder.Property(job => job.CsvTable).HasMaxLength(20);
        builder.Property(job => job.MeetingOrder).HasMaxLength(30);
        builder.HasIndex(job => new { job.Owner, job.State });
        builder.HasIndex(job => job.State);
    }
}
