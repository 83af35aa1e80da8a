using System.IO.Compression;
using ArtBot.TeamsApp;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Deploy;

public sealed class TeamsPackageTests : IDisposable
{
    private static readonly string Template = TeamsPackage.TemplateFolder(AppContext.BaseDirectory);
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-teams-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Zips_the_filled_in_manifest_and_the_icons_at_the_root()
    {
        var output = Path.Combine(_folder, "artbot-teams.zip");

        TeamsPackage.Create(Template, Values(), output);

        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(TeamsPackage.Files.Order(), zip.Entries.Select(entry => entry.FullName).Order());
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var text = reader.ReadToEnd();
        var manifest = JObject.Parse(text);
        Assert.DoesNotContain("{{", text);
        Assert.Equal("6f1c2a0e-9b1f-4a3e-8c7d-5b4a3f2e1d0c", (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("6f1c2a0e-9b1f-4a3e-8c7d-5b4a3f2e1d0c", (string?)manifest["id"]);
        Assert.Equal("bot.clinic.example", (string?)manifest["validDomains"]![0]);
        Assert.Equal("Integra \"Health\" Centre", (string?)manifest["developer"]!["name"]);
    }

    [Fact]
    public void Writes_nothing_and_says_what_is_wrong_when_a_value_would_be_refused_by_Teams()
    {
        var output = Path.Combine(_folder, "artbot-teams.zip");

        var error = Assert.Throws<ArgumentException>(() => TeamsPackage.Create(Template, Values() with { BotAppId = "my-bot", PrivacyUrl = "http://clinic.example/privacy" }, output));

        Assert.Contains("--app-id", error.Message);
        Assert.Contains("--privacy must be an https URL", error.Message);
        Assert.False(File.Exists(output));
    }

    private static TeamsPackage.Values Values() => new(
        "6f1c2a0e-9b1f-4a3e-8c7d-5b4a3f2e1d0c", "bot.clinic.example", "Integra \"Health\" Centre",
        "https://www.clinic.example", "https://www.clinic.example/privacy", "https://www.clinic.example/terms");
}
