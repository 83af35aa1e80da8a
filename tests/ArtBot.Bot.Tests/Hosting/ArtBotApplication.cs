using Microsoft.AspNetCore.Hosting;
using ArtBot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>
/// The real app, in memory, with its database and review file in a private temporary folder (or the folder given,
/// so a second instance can play the app after a restart), and every log line it writes kept in <see cref="Logs"/>.
/// </summary>
public sealed class ArtBotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly bool _ownsFolder;

    public ArtBotApplication(Dictionary<string, string?>? settings = null, string? folder = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("artbot-app-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["UnansweredQuestions:FilePath"] = UnansweredQuestionsFile,
            ["Database:SqlitePath"] = Path.Combine(Folder, "artbot.db"),
            ["Clinic:PhoneNumber"] = "+1 416-555-0100",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public string UnansweredQuestionsFile => Path.Combine(Folder, "unanswered.jsonl");

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        // One encoder for every app the tests start: it is the same model, loaded once.
        builder.ConfigureTestServices(services => services.AddSingleton(SharedEmbedder.Instance));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder && Directory.Exists(Folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
