using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class DownloadJobMeetingOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_order",
                table: "download_jobs",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_order",
                table: "download_jobs");
        }
    }
}
