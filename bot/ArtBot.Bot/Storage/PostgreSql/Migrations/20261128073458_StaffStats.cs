using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtBot.Bot.Storage.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_counts",
                columns: table => new
                {
                    day = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    metric = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false)
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
