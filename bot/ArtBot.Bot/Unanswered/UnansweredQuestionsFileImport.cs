using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ArtBot.Bot.Unanswered;

/// <summary>
/// Questions recorded before they went to the database were appended to a JSON-lines file: at start-up its lines
/// are moved into the database and the file is deleted (so "forget me" has one place to reach), and nothing already
/// collected for review is lost. The file is taken by renaming it first, so of several instances sharing a volume
/// only one imports it.
/// </summary>
public sealed partial class UnansweredQuestionsFileImport(
    IUnansweredQuestionLog log, IOptions<UnansweredQuestionsOptions> options, IHostEnvironment environment, ILogger<UnansweredQuestionsFileImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.FilePath, environment.ContentRootPath);
        var taken = $"{path}.importing-{Environment.ProcessId}";
        try
        {
            File.Move(path, taken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return;
        }
        var imported = 0;
        foreach (var line in await File.ReadAllLinesAsync(taken, cancellationToken))
        {
            if (line.Length > 0 && JsonConvert.DeserializeObject<UnansweredQuestion>(line) is { Question: not null } question)
            {
                await log.RecordAsync(question, cancellationToken);
                imported++;
            }
        }
        File.Delete(taken);
        LogImported(logger, imported);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} unanswered questions from the old review file into the database")]
    private static partial void LogImported(ILogger logger, int count);
}
