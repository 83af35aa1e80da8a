using ArtBot.Bot.WebChat.DirectLine;
using ArtBot.Bot.WebChat.Widget;
using Microsoft.AspNetCore.ResponseCompression;

namespace ArtBot.Bot.Hosting;

public static class WebChatServices
{
    /// <summary>The website chat: pages, the widget, the token endpoint and the bot's own Direct Line.</summary>
    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section)
            .Validate(options => Uri.TryCreate(options.Domain, UriKind.Absolute, out _), "DirectLine:Domain must be an absolute URL.")
            .Validate(options => options.TokenLifetime > TimeSpan.Zero && options.ConversationIdleTimeout > TimeSpan.Zero, "DirectLine lifetimes must be positive.")
            .Validate(options => options.MaxActivitiesPerConversation > 0 && options.MaxBytesPerConversation > 0, "DirectLine conversation limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.Section)
            .Validate(options => options.AvatarUrlIsOnThisSite, "Widget:AvatarUrl must be a path on the bot's own site, like /clinic-logo.png: the chat loads images from there only.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(DirectLineTokenEndpoint.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<LocalDirectLineTokens>();
        builder.Services.AddSingleton<LocalConversations>();
        builder.Services.AddSingleton<Privacy.IConversationTranscripts>(services => services.GetRequiredService<LocalConversations>());
        builder.Services.AddSingleton<LocalTurnRunner>();
        builder.Services.AddHostedService<IdleConversationSweeper>();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }

    public static WebApplication UseWebChat(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UsePrecompressedStaticFiles(app.Environment);
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var contentTypes = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        contentTypes.Mappings[".br"] = "application/octet-stream";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = contentTypes,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers.CacheControl = "public, max-age=3600";
            },
        });
        app.MapWebPages();
        app.MapDirectLineToken();
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DirectLineOptions>>().Value.UsesAzure)
        {
            app.MapLocalDirectLine();
        }
        return app;
    }
}
