using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.Hosting;

public sealed class SettingsFileTests
{
    /// <summary>
    /// Watching appsettings.json would watch every folder under the content root, one inotify watch each on Linux:
    /// hundreds when the bot runs from its source folder (bin, obj), paid again by every app a test starts.
    /// </summary>
    [Fact]
    public void Reads_its_settings_files_once_at_start_up_and_watches_none_of_them()
    {
        using var app = new ArtBotApplication();

        var settings = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = settings.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, file => file.Source.Path == "appsettings.json");
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file.Source.Path} is watched for changes"));
    }
}
