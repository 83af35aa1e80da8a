using ArtBot.Bot.Storage.PostgreSql;
using ArtBot.Bot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ArtBot.Bot.Storage;

/// <summary>
/// What <c>dotnet ef migrations add</c> builds the contexts with, so it never starts the whole bot (and its models).
/// The connection strings are never opened.
/// </summary>
public sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteArtBotContext>
{
    public SqliteArtBotContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteArtBotContext>();
        SqliteArtBotContext.Configure(options, "design-time.db");
        return new SqliteArtBotContext(options.Options);
    }
}

public sealed class PostgreSqlDesignTimeContext : IDesignTimeDbContextFactory<PostgreSqlArtBotContext>
{
    public PostgreSqlArtBotContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlArtBotContext>();
        PostgreSqlArtBotContext.Configure(options, "Host=design-time");
        return new PostgreSqlArtBotContext(options.Options);
    }
}
