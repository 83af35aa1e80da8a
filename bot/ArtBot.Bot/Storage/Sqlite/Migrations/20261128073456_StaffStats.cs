using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtBot.Bot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "taken_at",
                table: "staff_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_counts",
                columns: table => new
                {
                    day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    metric = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_counts", x => new { x.day, x.metric, x.key });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_counts");

            migrationBuilder.DropColumn(
                name: "taken_at",
                table: "staff_tickets");
        }
    }
}
