using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArtBot.Bot.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewedUtterancesAskedIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "asked_in",
                table: "reviewed_utterances",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "asked_in",
                table: "reviewed_utterances");
        }
    }
}
