using ArtBot.Bot.Outbox;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Storage.PostgreSql;
using ArtBot.Bot.Storage.Sqlite;
using ArtBot.Bot.Staff;
using ArtBot.Bot.Unanswered;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

public static class StorageServices
{
    /// <summary>
    /// Where consult requests, bot state and Data Protection's keys are kept: the one place that names a database
    /// provider. Features depend on <see cref="IStorage"/>, <see cref="IConsultRequestStore"/>,
    /// <see cref="IConversationStateRetention"/>, <see cref="IUnansweredQuestionLog"/> and <see cref="BackgroundLeases"/>; all of them run on EF Core over
    /// <c>Database:Provider</c>: a SQLite file (the default) or PostgreSQL (<c>ConnectionStrings:ArtBot</c>).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString ??= configuration.GetConnectionString("ArtBot"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            builder.Services.AddPooledDbContextFactory<PostgreSqlArtBotContext>((services, options) =>
                PostgreSqlArtBotContext.Configure(options, services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString ?? ""));
            builder.Services.AddSingleton<IDbContextFactory<ArtBotDbContext>, ContextFactory<PostgreSqlArtBotContext>>();
        }
        else
        {
            builder.Services.AddPooledDbContextFactory<SqliteArtBotContext>((services, options) =>
                SqliteArtBotContext.Configure(options, Path.GetFullPath(
                    services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqlitePath,
                    services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
            builder.Services.AddSingleton<IDbContextFactory<ArtBotDbContext>, ContextFactory<SqliteArtBotContext>>();
        }
        builder.Services.AddHostedService<DatabaseMigration>();
        // Hosted services start in the order they are added: the old review file is imported once the schema is there.
        builder.Services.AddHostedService<UnansweredQuestionsFileImport>();
        builder.Services.AddSingleton<DatabaseBotStorage>();
        builder.Services.AddSingleton<IStorage>(services => services.GetRequiredService<DatabaseBotStorage>());
        builder.Services.AddSingleton<IConversationStateRetention>(services => services.GetRequiredService<DatabaseBotStorage>());
        builder.Services.AddSingleton<IConsultRequestStore, DatabaseConsultRequestStore>();
        builder.Services.AddSingleton<IUnansweredQuestionLog, DatabaseUnansweredQuestionLog>();
        builder.Services.AddSingleton<IReviewedUtterances, DatabaseReviewedUtterances>();
        builder.Services.AddSingleton<Observability.IDailyCounts, DatabaseDailyCounts>();
        builder.Services.AddSingleton<Observability.TurnCounts>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IStaffTickets, DatabaseStaffTickets>();
        builder.Services.AddSingleton<IOutbox, DatabaseOutbox>();
        builder.Services.AddSingleton<BackgroundLeases>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Data Protection's keys go in the same database: backed up with it, and the same for every start and instance.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<ArtBotDbContext>>((options, contexts) => options.XmlRepository = new DatabaseDataProtectionKeys(contexts));
        // ...encrypted with the key certificate first, which also keys the hashes of personal terms.
        var certificate = KeyCertificate.Load(builder.Configuration.GetSection(KeyCertificate.Section), DataFolder(builder));
        builder.Services.AddSingleton(certificate);
        builder.Services.AddDataProtection().SetApplicationName("ArtBot").ProtectKeysWithCertificate(certificate.Certificate);
        builder.Services.AddSingleton<PersonalTerms>();
        return builder;
    }

    /// <summary>The SQLite database's folder (App_Data by default), where the bot keeps what it makes for itself.</summary>
    private static string DataFolder(IHostApplicationBuilder builder)
    {
        var sqlitePath = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.SqlitePath ?? new DatabaseOptions().SqlitePath;
        return Path.GetDirectoryName(Path.GetFullPath(sqlitePath, builder.Environment.ContentRootPath))!;
    }

    /// <summary>Hands out the provider's pooled context as the model every store is written against.</summary>
    private sealed class ContextFactory<TContext>(IDbContextFactory<TContext> pooled) : IDbContextFactory<ArtBotDbContext>
        where TContext : ArtBotDbContext
    {
        public ArtBotDbContext CreateDbContext() => pooled.CreateDbContext();
    }
}
