using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ArtBot.Bot.Storage.PostgreSql;

/// <summary>The shared database for several instances behind a load balancer (<c>ConnectionStrings:ArtBot</c>).</summary>
public sealed class PostgreSqlArtBotContext(DbContextOptions<PostgreSqlArtBotContext> options) : ArtBotDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
