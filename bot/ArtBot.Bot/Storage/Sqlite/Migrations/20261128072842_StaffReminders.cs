using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtBot.Bot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "unclaimed_alert_at",
                table: "staff_tickets",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "unclaimed_alert_at",
                table: "staff_tickets");
        }
    }
}
