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
/// A start stopped by something else (a bad setting) waits for loading to end before the app is disposed: the process
/// exits right after, and ending it while ONNX Runtime is still building its session crashed it (exit code 139).
/// </summary>
public sealed partial class KnowledgeWarmUp : IHostedLifecycleService, IAsyncDisposable
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

    /// <summary>Waits for loading to end, however it ends: its failure is start-up's to report, not the disposal's.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _loading;
        }
        catch (Exception)
        {
            // Reported by StartedAsync, or start-up had already failed for another reason.
        }
    }

    private async Task LoadAsync()
    {
        var started = Stopwatch.StartNew();
        var languages = Task.Run(() => _services.GetRequiredService<LanguageGate>().WarmUp());
        Task<SafetyScreen>? safety = null;
        try
        {
            _services.GetRequiredService<ISentenceEmbedder>();
            safety = Task.Run(() =>
            {
                var screen = _services.GetRequiredService<SafetyScreen>();
                screen.Screen(Question);
                return screen;
            });
            _services.GetRequiredService<IIntentClassifier>().Classify(Question);
        }
        finally
        {
            // Whatever failed, nothing started here is left running on its own.
            await languages.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (safety is not null)
            {
                await ((Task)safety).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
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
