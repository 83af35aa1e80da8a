using System.Diagnostics;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.KnowledgeLoading;

/// <summary>
/// Loads the knowledge base and the model while the app starts, so a broken file stops start-up
/// instead of the first visitor's question, and the first answer does not pay for loading. The safety screen's phrase
/// rules are compiled in the background after that: until they are, they read the same way, only slower.
/// </summary>
public sealed partial class KnowledgeWarmUp(IIntentClassifier classifier, SafetyScreen safety, LanguageGate languages, ILogger<KnowledgeWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        const string question = "does active release therapy hurt when the therapist works on my shoulder";
        safety.Screen(question);
        classifier.Classify(question);
        languages.WarmUp();
        _ = CompilePhraseRulesAsync();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CompilePhraseRulesAsync()
    {
        var started = Stopwatch.StartNew();
        try
        {
            await safety.Rules.CompileAsync();
            LogCompiled(logger, started.Elapsed.TotalSeconds);
        }
        catch (Exception exception)
        {
            LogNotCompiled(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The safety screen's phrase rules are compiled ({Seconds:0.0} s in the background)")]
    private static partial void LogCompiled(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The safety screen's phrase rules could not be compiled; they keep reading messages interpreted, the same way, more slowly")]
    private static partial void LogNotCompiled(ILogger logger, Exception exception);
}
