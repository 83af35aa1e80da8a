using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtBot.Bot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffCardCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_card_copies",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    reference = table.Column<string>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_card_copies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_card_copies_reference_conversation_id_activity_id",
                table: "staff_card_copies",
                columns: new[] { "reference", "conversation_id", "activity_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_card_copies");
        }
    }
}
