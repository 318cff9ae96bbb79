using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class RoomDayNameConfiguration : IEntityTypeConfiguration<RoomDayName>
{
    public void Configure(EntityTypeBuilder<RoomDayName> builder)
    {
        builder.ToTable("room_day_names");

        // The key is the reports' index: a period's days in order, then room and name, so that the distinct names of a
        // period are read from the key alone.
        builder.HasKey(row => new { row.Day, row.HostId, row.Name, row.WindowMonth });

        // A window's write replaces its rows.
        builder.HasIndex(row => row.WindowMonth);
    }
}
