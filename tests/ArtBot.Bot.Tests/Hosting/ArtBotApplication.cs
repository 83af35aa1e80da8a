using Microsoft.AspNetCore.Hosting;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Unanswered;
using ArtBot.Bot.Tests.Storage;
using ArtBot.Knowledge.Intents;
using ArtBot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>
/// The real app, in memory, with its files in a private temporary folder (or the folder given, so a second
/// instance can play the app after a restart), its database on the provider asked for (a SQLite file in that folder,
/// or a fresh PostgreSQL database, unless the settings name one), and every log line it writes kept in <see cref="Logs"/>.
/// </summary>
public sealed class ArtBotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsFolder;

    private readonly Dictionary<string, string?>? _ownedDatabase;

    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="testServices">Replaces services after the app's own, to stand in for what a test cannot make happen for real.</param>
    public ArtBotApplication(
        Dictionary<string, string?>? settings = null, string? folder = null, DatabaseProvider database = DatabaseProvider.Sqlite, Action<IServiceCollection>? testServices = null)
    {
        _testServices = testServices;
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("artbot-app-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["UnansweredQuestions:FilePath"] = Path.Combine(Folder, "unanswered.jsonl"),
            ["Clinic:PhoneNumber"] = "+1 416-555-0100",
        };
        if (settings?.ContainsKey("Database:Provider") != true)
        {
            _ownedDatabase = TestDatabase.SettingsFor(database, Folder);
            foreach (var (key, value) in _ownedDatabase)
            {
                _settings[key] = value;
            }
        }
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    /// <summary>The settings the app runs with, its database's among them.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>The questions recorded for review, one line each: "question" (channel).</summary>
    public string UnansweredQuestions() => string.Join("\n",
        Services.GetRequiredService<IUnansweredQuestionLog>().ListAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Select(question => $"\"{question.Question}\" ({question.ChannelId})"));

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        // One encoder, and over the shipped knowledge one safety screen, intent model and language detector, for every
        // app the tests start: the same files, loaded once.
        var ownKnowledge = !string.IsNullOrEmpty(_settings.GetValueOrDefault("Knowledge:DataDirectory"));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(SharedEmbedder.Instance);
            if (!ownKnowledge)
            {
                services.AddSingleton(SharedSafetyScreen.Instance);
                services.AddSingleton<IIntentClassifier>(SharedIntentClassifier.Instance);
                services.AddSingleton(SharedLanguageGate.Instance);
            }
            _testServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownedDatabase is not null && _ownedDatabase.ContainsKey("ConnectionStrings:ArtBot"))
        {
            TestDatabase.Delete(_ownedDatabase, folder: "");
        }
        if (disposing && _ownsFolder && Directory.Exists(Folder))
        {
            TestDatabase.Delete([], Folder);
        }
    }
}
