using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>The real app, in memory, writing its review file into a private temporary folder.</summary>
public sealed class ArtBotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ArtBotApplication(Dictionary<string, string?>? settings = null)
    {
        Folder = Directory.CreateTempSubdirectory("artbot-app-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["UnansweredQuestions:FilePath"] = UnansweredQuestionsFile,
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    public string UnansweredQuestionsFile => Path.Combine(Folder, "unanswered.jsonl");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
