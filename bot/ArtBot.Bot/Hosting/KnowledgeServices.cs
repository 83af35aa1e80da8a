using ArtBot.Bot.KnowledgeLoading;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;
using ArtBot.Knowledge.Safety;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

public static class KnowledgeServices
{
    /// <summary>
    /// The knowledge base, the sentence encoder, and what reads messages with it (the intent classifier and the safety
    /// screen), loaded and checked once when the app starts; the app answers only once they are.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section);
        builder.Services.AddSingleton(services =>
        {
            var directory = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.DataDirectory;
            return string.IsNullOrWhiteSpace(directory) ? KnowledgeFiles.Default : new KnowledgeFiles(directory);
        });
        builder.Services.AddSingleton<ISentenceEmbedder, MiniLmSentenceEmbedder>();
        builder.Services.AddSingleton(services => KnowledgeSources.Read(services.GetRequiredService<KnowledgeFiles>()));
        builder.Services.AddSingleton(services => services.GetRequiredService<KnowledgeSources>().KnowledgeBase);
        builder.Services.AddSingleton<IIntentClassifier>(services => IntentModelLoader.Load(
            services.GetRequiredService<KnowledgeFiles>(),
            services.GetRequiredService<KnowledgeSources>(),
            services.GetRequiredService<ISentenceEmbedder>(),
            services.GetRequiredService<ILogger<IntentClassifier>>()));
        builder.Services.AddSingleton(services => SafetyScreen.Load(services.GetRequiredService<KnowledgeFiles>(), services.GetRequiredService<ISentenceEmbedder>()));
        builder.Services.AddSingleton(services => LanguageGate.Load(services.GetRequiredService<KnowledgeFiles>()));
        builder.Services.AddSingleton<KnowledgeWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<KnowledgeWarmUp>());
        return builder;
    }
}
