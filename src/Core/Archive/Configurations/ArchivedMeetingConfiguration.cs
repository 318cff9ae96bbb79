using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class ArchivedMeetingConfiguration : IEntityTypeConfiguration<ArchivedMeeting>
{
    public void Configure(EntityTypeBuilder<ArchivedMeeting> builder)
    {
        builder.ToTable("meetings");

        // Record ids are base64: "ab+C" and "AB+c" are two meetings, and both providers compare text case-sensitively here.
        builder.HasKey(meeting => meeting.Uuid);
        builder.Property(meeting => meeting.End).HasColumnName("end_time");
        builder.Property(meeting => meeting.Start).HasColumnName("start_time");
        builder.Property(meeting => meeting.PhoneCost).HasPrecision(ArchiveContext.MoneyPrecision, ArchiveContext.MoneyScale);

        builder.HasOne(meeting => meeting.Room)
            .WithMany()
            .HasForeignKey(meeting => meeting.HostId)
            .OnDelete(DeleteBehavior.Restrict);

        // What the reports ask: a period (newest first), a room's period, a meeting-ID prefix, a topic search, and the
        // window a synchronisation replaces.
        builder.HasIndex(meeting => meeting.Start);
        builder.HasIndex(meeting => new { meeting.HostId, meeting.Start });
        builder.HasIndex(meeting => meeting.MeetingId);
        builder.HasIndex(meeting => meeting.TopicSearch);
        builder.HasIndex(meeting => new { meeting.WindowMonth, meeting.WindowPosition });
    }
}
