using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class ParticipantSessionConfiguration : IEntityTypeConfiguration<ParticipantSession>
{
    public void Configure(EntityTypeBuilder<ParticipantSession> builder)
    {
        builder.ToTable("participant_sessions");

        // A natural key: no generated ids, so a window's rows go in as plain inserts.
        builder.HasKey(session => new { session.MeetingUuid, session.Position });
        builder.Property(session => session.Position).ValueGeneratedNever();

        builder.HasOne(session => session.Meeting)
            .WithMany(meeting => meeting.Participants)
            .HasForeignKey(session => session.MeetingUuid)
            .OnDelete(DeleteBehavior.Cascade);

        // One person's meetings, and the per-name report.
        builder.HasIndex(session => session.Name);
    }
}
