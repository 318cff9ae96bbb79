using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UMeetingReports.Core.Archive.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DayNameSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "connected_ticks",
                table: "room_day_names",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "first_join",
                table: "room_day_names",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_seen",
                table: "room_day_names",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "meetings",
                table: "room_day_names",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sessions",
                table: "room_day_names",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "still_connected",
                table: "room_day_names",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "people_summed",
                table: "month_windows",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "connected_ticks",
                table: "room_day_names");

            migrationBuilder.DropColumn(
                name: "first_join",
                table: "room_day_names");

            migrationBuilder.DropColumn(
                name: "last_seen",
                table: "room_day_names");

            migrationBuilder.DropColumn(
                name: "meetings",
                table: "room_day_names");

            migrationBuilder.DropColumn(
                name: "sessions",
                table: "room_day_names");

            migrationBuilder.DropColumn(
                name: "still_connected",
                table: "room_day_names");

            migrationBuilder.DropColumn(
                name: "people_summed",
                table: "month_windows");
        }
    }
}
