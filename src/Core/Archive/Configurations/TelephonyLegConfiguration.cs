using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class TelephonyLegConfiguration : IEntityTypeConfiguration<TelephonyLeg>
{
    public void Configure(EntityTypeBuilder<TelephonyLeg> builder)
    {
        builder.ToTable("telephony_legs");

        builder.HasKey(leg => new { leg.MeetingUuid, leg.Position });
        builder.Property(leg => leg.Position).ValueGeneratedNever();
        builder.Property(leg => leg.Cost).HasPrecision(ArchiveContext.MoneyPrecision, ArchiveContext.MoneyScale);

        builder.HasOne(leg => leg.Meeting)
            .WithMany(meeting => meeting.Telephony)
            .HasForeignKey(leg => leg.MeetingUuid)
            .OnDelete(DeleteBehavior.Cascade);

        // The costliest numbers of a period.
        builder.HasIndex(leg => leg.PhoneNumber);
    }
}
