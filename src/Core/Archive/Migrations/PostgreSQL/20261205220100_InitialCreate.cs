using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "month_windows",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    records = table.Column<int>(type: "integer", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    last_read_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    upstream_requests = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    settled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_month_windows", x => x.month);
                });

            migrationBuilder.CreateTable(
                name: "rooms",
                columns: table => new
                {
                    host_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    first_seen_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rooms", x => x.host_id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    uuid = table.Column<string>(type: "text", nullable: false),
                    host_id = table.Column<string>(type: "text", nullable: false),
                    meeting_id = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: false),
                    topic_search = table.Column<string>(type: "text", nullable: false),
                    start_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    scheduled_minutes = table.Column<int>(type: "integer", nullable: false),
                    end_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    is_extra = table.Column<bool>(type: "boolean", nullable: false),
                    window_month = table.Column<DateOnly>(type: "date", nullable: false),
                    window_position = table.Column<int>(type: "integer", nullable: false),
                    actual_minutes = table.Column<int>(type: "integer", nullable: true),
                    participant_rows = table.Column<int>(type: "integer", nullable: false),
                    distinct_participants = table.Column<int>(type: "integer", nullable: false),
                    phone_calls = table.Column<int>(type: "integer", nullable: false),
                    phone_minutes = table.Column<int>(type: "integer", nullable: false),
                    phone_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.uuid);
                    table.ForeignKey(
                        name: "FK_meetings_rooms_host_id",
                        column: x => x.host_id,
                        principalTable: "rooms",
                        principalColumn: "host_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "participant_sessions",
                columns: table => new
                {
                    meeting_uuid = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    join_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    leave_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participant_sessions", x => new { x.meeting_uuid, x.position });
                    table.ForeignKey(
                        name: "FK_participant_sessions_meetings_meeting_uuid",
                        column: x => x.meeting_uuid,
                        principalTable: "meetings",
                        principalColumn: "uuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "telephony_legs",
                columns: table => new
                {
                    meeting_uuid = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    phone_number = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    start_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    end_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_telephony_legs", x => new { x.meeting_uuid, x.position });
                    table.ForeignKey(
                        name: "FK_telephony_legs_meetings_meeting_uuid",
                        column: x => x.meeting_uuid,
                        principalTable: "meetings",
                        principalColumn: "uuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_host_id_start_time",
                table: "meetings",
                columns: new[] { "host_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_meeting_id",
                table: "meetings",
                column: "meeting_id")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_start_time",
                table: "meetings",
                column: "start_time");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_topic_search",
                table: "meetings",
                column: "topic_search")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_window_month_window_position",
                table: "meetings",
                columns: new[] { "window_month", "window_position" });

            migrationBuilder.CreateIndex(
                name: "IX_participant_sessions_name",
                table: "participant_sessions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "IX_telephony_legs_phone_number",
                table: "telephony_legs",
                column: "phone_number");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "month_windows");

            migrationBuilder.DropTable(
                name: "participant_sessions");

            migrationBuilder.DropTable(
                name: "telephony_legs");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "rooms");
        }
    }
}
