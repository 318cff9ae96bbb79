using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class DownloadJobNarrowing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "participant",
                table: "download_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "participant_name",
                table: "download_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search",
                table: "download_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "uuid",
                table: "download_jobs",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "participant",
                table: "download_jobs");

            migrationBuilder.DropColumn(
                name: "participant_name",
                table: "download_jobs");

            migrationBuilder.DropColumn(
                name: "search",
                table: "download_jobs");

            migrationBuilder.DropColumn(
                name: "uuid",
                table: "download_jobs");
        }
    }
}
