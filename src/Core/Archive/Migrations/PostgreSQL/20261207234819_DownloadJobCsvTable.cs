using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class DownloadJobCsvTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "csv_table",
                table: "download_jobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "csv_table",
                table: "download_jobs");
        }
    }
}
