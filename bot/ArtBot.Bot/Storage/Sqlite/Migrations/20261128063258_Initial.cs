using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtBot.Bot.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "background_leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    holder = table.Column<string>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_background_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "bot_state",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    etag = table.Column<string>(type: "TEXT", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    holds_booking_details = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_state", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "consult_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    booking_id = table.Column<string>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    consult_mode = table.Column<string>(type: "TEXT", nullable: false),
                    time_of_day = table.Column<string>(type: "TEXT", nullable: false),
                    concern = table.Column<string>(type: "TEXT", nullable: true),
                    consent_given_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    consent_version = table.Column<string>(type: "TEXT", nullable: false),
                    requester_key = table.Column<string>(type: "TEXT", nullable: true),
                    conversation_key = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consult_requests", x => x.id);
                    table.CheckConstraint("ck_consult_requests_contact", "phone IS NOT NULL OR email IS NOT NULL");
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    friendly_name = table.Column<string>(type: "TEXT", nullable: false),
                    xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.friendly_name);
                });

            migrationBuilder.CreateTable(
                name: "readiness_probe",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    checked_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_probe", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bot_state_updated_at",
                table: "bot_state",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_consult_requests_booking_id",
                table: "consult_requests",
                column: "booking_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consult_requests_conversation_key",
                table: "consult_requests",
                column: "conversation_key");

            migrationBuilder.CreateIndex(
                name: "ix_consult_requests_created_at",
                table: "consult_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_consult_requests_reference",
                table: "consult_requests",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consult_requests_requester_key",
                table: "consult_requests",
                column: "requester_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "background_leases");

            migrationBuilder.DropTable(
                name: "bot_state");

            migrationBuilder.DropTable(
                name: "consult_requests");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "readiness_probe");
        }
    }
}
