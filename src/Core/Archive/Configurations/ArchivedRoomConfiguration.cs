using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class ArchivedRoomConfiguration : IEntityTypeConfiguration<ArchivedRoom>
{
    public void Configure(EntityTypeBuilder<ArchivedRoom> builder)
    {
        builder.ToTable("rooms");
        builder.HasKey(room => room.HostId);
    }
}
