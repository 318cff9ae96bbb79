using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeveralInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "download_jobs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    work_key = table.Column<string>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", nullable: false),
                    stored_file = table.Column<string>(type: "TEXT", nullable: false),
                    period_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    host_id = table.Column<string>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    windows_done = table.Column<int>(type: "INTEGER", nullable: false),
                    windows_total = table.Column<int>(type: "INTEGER", nullable: false),
                    pages_done = table.Column<int>(type: "INTEGER", nullable: false),
                    pages_total = table.Column<int>(type: "INTEGER", nullable: false),
                    rows = table.Column<long>(type: "INTEGER", nullable: false),
                    rows_total = table.Column<long>(type: "INTEGER", nullable: true),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    sheets = table.Column<string>(type: "TEXT", nullable: true),
                    failure = table.Column<string>(type: "TEXT", nullable: true),
                    cancel_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    instance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    heartbeat_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ended_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_download_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ended_sessions",
                columns: table => new
                {
                    session_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ended_sessions", x => x.session_id);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    window_started_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_check_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_counters", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_download_jobs_owner_state",
                table: "download_jobs",
                columns: new[] { "owner", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_download_jobs_state",
                table: "download_jobs",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_ended_sessions_expires_at_utc",
                table: "ended_sessions",
                column: "expires_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_counters_window_started_utc",
                table: "sign_in_counters",
                column: "window_started_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "download_jobs");

            migrationBuilder.DropTable(
                name: "ended_sessions");

            migrationBuilder.DropTable(
                name: "leases");

            migrationBuilder.DropTable(
                name: "sign_in_counters");
        }
    }
}
