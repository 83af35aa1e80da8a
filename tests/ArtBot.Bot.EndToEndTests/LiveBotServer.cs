using Microsoft.AspNetCore.Hosting;
using ArtBot.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.EndToEndTests;

/// <summary>The real app on Kestrel, on a free loopback port, with its database in a temporary folder: what a browser talks to.</summary>
public sealed class LiveBotServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-e2e-").FullName;

    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">More settings, or settings other than these (the clinic's hours, for one test's server).</param>
    public LiveBotServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:SqlitePath", Path.Combine(_folder, "artbot.db"));
        builder.UseSetting("UnansweredQuestions:FilePath", Path.Combine(_folder, "unanswered.jsonl"));
        builder.UseSetting("Clinic:PhoneNumber", "+1 416-555-0100");
        // A visitor here asks at test speed: every article topic in a row, in one conversation.
        builder.UseSetting("RateLimits:ConversationBurst", "100");
        // Every test books from this one machine's address.
        builder.UseSetting("RateLimits:ConsultRequestsPerHour", "100");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // One encoder and one safety screen for every server the tests start (a test with the clinic's hours of its
        // own starts one more): the same model and rules, loaded once, instead of about half a minute each.
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(SharedEmbedder.Instance);
            services.AddSingleton(SharedSafetyScreen.Instance);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
