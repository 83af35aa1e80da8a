using ArtBot.Knowledge.Validation;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Hosting;

/// <summary>Turns what stops the app from starting (a missing model, a broken knowledge base, a bad setting) into one line a person can act on.</summary>
public static class StartupFailure
{
    /// <summary>
    /// When the program stops on one of these failures, print "ArtBot cannot start: …" and exit with 1, instead of a
    /// stack trace. (Test hosts catch start-up exceptions themselves, so this never fires under them.)
    /// </summary>
    public static void ReportInOneLine() => AppDomain.CurrentDomain.UnhandledException += (_, arguments) =>
    {
        if (arguments.ExceptionObject is Exception exception && Describe(exception) is { } reason)
        {
            Console.Error.WriteLine($"ArtBot cannot start: {reason}");
            Environment.Exit(1);
        }
    };

    public static string? Describe(Exception exception) => exception switch
    {
        InvalidKnowledgeException invalid => $"{invalid.Message.Split(Environment.NewLine)[0]} {string.Join("; ", invalid.Problems)}",
        OptionsValidationException options => $"a setting is invalid: {string.Join("; ", options.Failures)}",
        FileNotFoundException or DirectoryNotFoundException => exception.Message,
        System.Data.Common.DbException or UnauthorizedAccessException => $"the database cannot be opened or written ({exception.Message})",
        IOException when exception.Message.Contains("address", StringComparison.OrdinalIgnoreCase) => exception.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Select(Describe).ToList() is var reasons && reasons.All(reason => reason is not null) =>
            string.Join("; ", reasons),
        _ => null,
    };
}
