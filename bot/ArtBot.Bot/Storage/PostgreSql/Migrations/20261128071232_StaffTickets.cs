using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ArtBot.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class StaffTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_channel",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    team_id = table.Column<string>(type: "text", nullable: false),
                    channel_id = table.Column<string>(type: "text", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: false),
                    service_url = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_channel", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reference = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    taken_by = table.Column<string>(type: "text", nullable: true),
                    taken_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_tickets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reference = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    holder = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    topics_asked = table.Column<string>(type: "text", nullable: false),
                    details_deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    thread_conversation_id = table.Column<string>(type: "text", nullable: true),
                    card_activity_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_tickets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_outbox_sent_at_due_at",
                table: "staff_outbox",
                columns: new[] { "sent_at", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_tickets_reference",
                table: "staff_tickets",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_tickets_status_created_at",
                table: "staff_tickets",
                columns: new[] { "status", "created_at" });

            // Requests stored before staff tickets existed become tickets too, and are posted to the staff channel.
            migrationBuilder.Sql("""
                INSERT INTO staff_tickets (reference, status, version, created_at, topics_asked)
                SELECT reference, 'Unassigned', 0, created_at, '' FROM consult_requests;
                INSERT INTO staff_outbox (reference, kind, attempts, due_at)
                SELECT reference, 'Post', 0, created_at FROM consult_requests;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_channel");

            migrationBuilder.DropTable(
                name: "staff_outbox");

            migrationBuilder.DropTable(
                name: "staff_tickets");
        }
    }
}
