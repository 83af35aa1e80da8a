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

    public async Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(_path))
            {
                return 0;
            }
            var lines = await File.ReadAllLinesAsync(_path, cancellationToken);
            var kept = lines.Where(line => !IsFrom(line, conversationKey)).ToList();
            if (kept.Count < lines.Length)
            {
                // Written aside and moved over, so a crash midway leaves the old file or the new one, never half of it.
                var temporary = _path + ".tmp";
                await File.WriteAllLinesAsync(temporary, kept, cancellationToken);
                File.Move(temporary, _path, overwrite: true);
            }
            return lines.Length - kept.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsFrom(string line, string conversationKey)
    {
        try
        {
            return line.Length > 0 && (string?)Newtonsoft.Json.Linq.JObject.Parse(line)["conversationKey"] == conversationKey;
        }
        catch (JsonException)
        {
            return false;
        }
    }

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
