using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoomDayNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "room_day_names",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    host_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    window_month = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_room_day_names", x => new { x.day, x.host_id, x.name, x.window_month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_room_day_names_window_month",
                table: "room_day_names",
                column: "window_month");

            // The windows already held get their day names from their participant rows, as a window's write makes them.
            migrationBuilder.Sql(
                """
                INSERT INTO room_day_names (day, host_id, name, window_month)
                SELECT DISTINCT substr(m.start_time, 1, 10), m.host_id, p.name, m.window_month
                FROM participant_sessions p JOIN meetings m ON m.uuid = p.meeting_uuid;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "room_day_names");
        }
    }
}
