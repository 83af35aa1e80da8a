using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

public static class StorageServices
{
    /// <summary>
    /// Where consult requests and bot state are kept: the one place that names a database. Features depend on
    /// <see cref="IStorage"/>, <see cref="IConsultRequestStore"/> and <see cref="IConversationStateRetention"/>.
    /// Today that is a SQLite file, created and migrated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(services => new SqliteDatabase(Path.GetFullPath(
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqlitePath,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddSingleton<SqliteBotStorage>();
        builder.Services.AddSingleton<IStorage>(services => services.GetRequiredService<SqliteBotStorage>());
        builder.Services.AddSingleton<IConversationStateRetention>(services => services.GetRequiredService<SqliteBotStorage>());
        builder.Services.AddSingleton<IConsultRequestStore, SqliteConsultRequestStore>();
        // Data Protection's keys go in the same database: backed up with it, and the same for every start.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<SqliteDatabase>((options, database) => options.XmlRepository = new SqliteDataProtectionKeys(database));
        return builder;
    }
}
