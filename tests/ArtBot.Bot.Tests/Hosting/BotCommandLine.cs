using System.Diagnostics;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>The built bot run as its own process, as an operator runs it, until it exits.</summary>
public static class BotCommandLine
{
    /// <param name="arguments">A command (<c>migrate</c>, <c>unanswered</c>) comes first, then settings.</param>
    public static async Task<(int ExitCode, List<string> Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
            // A run of a few seconds: dynamic PGO's instrumentation would cost more than it saves (tests/Directory.Build.props).
            Environment = { ["DOTNET_TieredPGO"] = "0" },
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ArtBot.Bot.dll") }.Concat(arguments).Concat(["--urls", "http://127.0.0.1:0"]))
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
