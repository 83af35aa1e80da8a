using ArtBot.Bot.Consult;
using ArtBot.Bot.Clinic;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

public static class ConsultServices
{
    /// <summary>The database (created and migrated at start-up), bot state kept in it, and the consult booking.</summary>
    public static IHostApplicationBuilder AddConsultBooking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
                builder.Services.AddSingleton(services => new SqliteDatabase(Path.GetFullPath(
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqlitePath,
            services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        builder.Services.AddHostedService<DatabaseMigration>();
        builder.Services.AddSingleton<SqliteBotStorage>();
        builder.Services.AddSingleton<IStorage>(services => services.GetRequiredService<SqliteBotStorage>());
        builder.Services.AddSingleton<ConversationState>();
        builder.Services.AddSingleton<IConsultRequestStore, SqliteConsultRequestStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ConsultFlow>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ForgetMe>();
        builder.Services.AddSingleton<RetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionJob>());
        return builder;
    }
}
