using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ArtBot.Bot.Storage.PostgreSql.Migrations
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
                    name = table.Column<string>(type: "text", nullable: false),
                    holder = table.Column<string>(type: "text", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_background_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "bot_state",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    etag = table.Column<string>(type: "text", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    holds_booking_details = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_state", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "consult_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    booking_id = table.Column<string>(type: "text", nullable: false),
                    reference = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    channel_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    phone = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    consult_mode = table.Column<string>(type: "text", nullable: false),
                    time_of_day = table.Column<string>(type: "text", nullable: false),
                    concern = table.Column<string>(type: "text", nullable: true),
                    consent_given_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    consent_version = table.Column<string>(type: "text", nullable: false),
                    requester_key = table.Column<string>(type: "text", nullable: true),
                    conversation_key = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consult_requests", x => x.id);
                    table.CheckConstraint("ck_consult_requests_contact", "phone IS NOT NULL OR email IS NOT NULL");
                });

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

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    friendly_name = table.Column<string>(type: "text", nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.friendly_name);
                });

            migrationBuilder.CreateTable(
                name: "readiness_probe",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    checked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_probe", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reviewed_utterances",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    intent = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    taught_by = table.Column<string>(type: "text", nullable: false),
                    taught_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviewed_utterances", x => x.id);
                });

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
                    card_activity_id = table.Column<string>(type: "text", nullable: true),
                    taken_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    unclaimed_alert_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unanswered_questions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    asked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    channel_id = table.Column<string>(type: "text", nullable: false),
                    question = table.Column<string>(type: "text", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    conversation_key = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unanswered_questions", x => x.id);
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

            migrationBuilder.CreateIndex(
                name: "ix_reviewed_utterances_intent_text",
                table: "reviewed_utterances",
                columns: new[] { "intent", "text" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_unanswered_questions_conversation_key",
                table: "unanswered_questions",
                column: "conversation_key");
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
                name: "daily_counts");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "readiness_probe");

            migrationBuilder.DropTable(
                name: "reviewed_utterances");

            migrationBuilder.DropTable(
                name: "staff_channel");

            migrationBuilder.DropTable(
                name: "staff_outbox");

            migrationBuilder.DropTable(
                name: "staff_tickets");

            migrationBuilder.DropTable(
                name: "unanswered_questions");
        }
    }
}
