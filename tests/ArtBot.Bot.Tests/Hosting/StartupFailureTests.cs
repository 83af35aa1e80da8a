using System.Diagnostics;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>The real program, started as a process with something missing: one clear line and a failing exit code.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Says_in_one_line_that_the_knowledge_base_is_missing()
    {
        var (exitCode, output) = await RunBotAsync("--Knowledge:DataDirectory", _folder);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output);
        Assert.StartsWith("ArtBot cannot start: ", line);
        Assert.Contains("knowledge-base.json", line);
    }

    [Fact]
    public async Task Says_in_one_line_which_setting_is_invalid()
    {
        var (exitCode, output) = await RunBotAsync("--Answering:AnswerThreshold", "7");

        Assert.Equal(1, exitCode);
        Assert.Contains("AnswerThreshold", Assert.Single(output));
    }

    private async Task<(int ExitCode, List<string> Output)> RunBotAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ArtBot.Bot.dll"), "--urls", "http://127.0.0.1:0", "--Database:SqlitePath", Path.Combine(_folder, "artbot.db") }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var bot = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var standardOutput = bot.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = bot.StandardError.ReadToEndAsync(timeout.Token);
        await bot.WaitForExitAsync(timeout.Token);
        var lines = (await standardOutput + await standardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (bot.ExitCode, lines);
    }
}
