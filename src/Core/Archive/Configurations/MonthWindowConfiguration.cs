using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UMeetingReports.Core.Archive.Configurations;

internal sealed class MonthWindowConfiguration : IEntityTypeConfiguration<MonthWindow>
{
    public void Configure(EntityTypeBuilder<MonthWindow> builder)
    {
        builder.ToTable("month_windows");
        builder.HasKey(window => window.Month);
        builder.Property(window => window.State)
            .HasConversion(state => state.ToString().ToLowerInvariant(), text => Enum.Parse<MonthWindowState>(text, ignoreCase: true))
            .HasMaxLength(10);
    }
}
