using System.Diagnostics;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.KnowledgeLoading;

/// <summary>
/// Loads the knowledge base, the model, the sentence encoder and the safety screen while the app starts, so a broken
/// file stops start-up instead of the first visitor's question, and the first answer does not pay for loading.
/// Loading begins before any other start-up work and runs beside it (the database's migration, the server opening
/// its port); start-up then waits for it, and <c>/readyz</c> says "loading" until it is done. What depends on the
/// encoder loads once the encoder has; the language detector beside it. The safety screen's phrase rules are compiled
/// in the background after that: until they are, they read the same way, only slower.
/// </summary>
public sealed partial class KnowledgeWarmUp : IHostedLifecycleService
{
    private const string Question = "does active release therapy hurt when the therapist works on my shoulder";

    private readonly IServiceProvider _services;
    private readonly ILogger<KnowledgeWarmUp> _logger;
    private readonly Task _loading;

    /// <summary>
    /// Loading starts here: this is the first hosted service, made when the host starts, before the others are made
    /// and started (which takes about a second of its own).
    /// </summary>
    public KnowledgeWarmUp(IServiceProvider services, ILogger<KnowledgeWarmUp> logger)
    {
        _services = services;
        _logger = logger;
        _loading = Task.Run(LoadAsync);
    }

    /// <summary>Everything is loaded and has read a first message.</summary>
    public bool IsLoaded => _loading.IsCompletedSuccessfully;

    /// <summary>Why loading failed (start-up then fails too), or null.</summary>
    public Exception? Failure => _loading.Exception?.GetBaseException();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Start-up is complete only once loading is: a broken file fails it here.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => _loading;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadAsync()
    {
        var started = Stopwatch.StartNew();
        var languages = Task.Run(() => _services.GetRequiredService<LanguageGate>().WarmUp());
        _services.GetRequiredService<ISentenceEmbedder>();
        var safety = Task.Run(() =>
        {
            var screen = _services.GetRequiredService<SafetyScreen>();
            screen.Screen(Question);
            return screen;
        });
        _services.GetRequiredService<IIntentClassifier>().Classify(Question);
        await Task.WhenAll(languages, safety);
        LogLoaded(_logger, started.Elapsed.TotalSeconds);
        _ = CompilePhraseRulesAsync((await safety).Rules);
    }

    private async Task CompilePhraseRulesAsync(PhraseRules rules)
    {
        var started = Stopwatch.StartNew();
        try
        {
            await rules.CompileAsync();
            LogCompiled(_logger, started.Elapsed.TotalSeconds);
        }
        catch (Exception exception)
        {
            LogNotCompiled(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The knowledge base, the model, the encoder and the safety screen are loaded ({Seconds:0.0} s)")]
    private static partial void LogLoaded(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The safety screen's phrase rules are compiled ({Seconds:0.0} s in the background)")]
    private static partial void LogCompiled(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The safety screen's phrase rules could not be compiled; they keep reading messages interpreted, the same way, more slowly")]
    private static partial void LogNotCompiled(ILogger logger, Exception exception);
}
