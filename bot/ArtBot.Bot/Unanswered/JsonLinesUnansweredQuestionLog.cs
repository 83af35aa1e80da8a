using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ArtBot.Bot.Unanswered;

/// <summary>Appends unanswered questions to a JSON-lines file, one object a line; safe for concurrent turns.</summary>
public sealed class JsonLinesUnansweredQuestionLog(IOptions<UnansweredQuestionsOptions> options, IHostEnvironment environment) : IUnansweredQuestionLog
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.None,
    };

    private readonly string _path = Path.GetFullPath(options.Value.FilePath, environment.ContentRootPath);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        var line = JsonConvert.SerializeObject(question, Settings) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await File.AppendAllTextAsync(_path, line, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
