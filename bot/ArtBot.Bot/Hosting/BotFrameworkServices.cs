using ArtBot.Bot.Bots;
using ArtBot.Bot.Hardening;
using ArtBot.Bot.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

public static class BotFrameworkServices
{
    /// <summary>
    /// Authentication from the standard MicrosoftAppType/Id/Password/TenantId settings (all empty: local
    /// development without authentication), the adapter, and the bot, which is made anew for every turn.
    /// </summary>
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(services => new ConfigurationBotFrameworkAuthentication(
            services.GetRequiredService<IConfiguration>(),
            httpClientFactory: services.GetRequiredService<IHttpClientFactory>(),
            logger: services.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, AppTypeSettings>();
        builder.Services.AddHostedService<AuthenticationWarning>();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddClientRateLimit();
        builder.Services.AddSingleton<ConversationRateLimit>();
        builder.Services.AddSingleton<ConversationTurnGate>();
        builder.Services.AddSingleton<StaleTurnRetry>();
        builder.Services.AddSingleton<TeamsChannelButtons>();
        builder.Services.AddSingleton<TeamsFeedbackLoop>();
        builder.Services.AddSingleton<TurnMiddleware>();
        builder.Services.AddSingleton<ArtBotAdapter>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(services => services.GetRequiredService<ArtBotAdapter>());
        builder.Services.AddTransient<IBot, ArtBotHandler>();
        builder.Services.AddReadinessChecks();
        // No endpoint takes more than a small activity; the messages endpoint checks its own, tighter limit.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        return builder;
    }
}
