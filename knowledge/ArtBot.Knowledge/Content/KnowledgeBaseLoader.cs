using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Validation;
using Newtonsoft.Json;

namespace ArtBot.Knowledge.Content;

/// <summary>Reads the knowledge base, its article and the training utterances from a data folder, and refuses them unless they validate.</summary>
public static class KnowledgeBaseLoader
{
    private static readonly JsonSerializerSettings StrictSettings = new()
    {
        MissingMemberHandling = MissingMemberHandling.Error,
    };

    public static KnowledgeBase Load(KnowledgeFiles files) => LoadWithTrainingUtterances(files).KnowledgeBase;

    public static (KnowledgeBase KnowledgeBase, UtteranceSet TrainingUtterances) LoadWithTrainingUtterances(KnowledgeFiles files)
    {
        var document = ReadDocument(files);
        var articleFile = files.Article(document.Source.File);
        if (string.IsNullOrWhiteSpace(document.Source.File) || !File.Exists(articleFile))
        {
            throw Refuse(files, new KnowledgeProblem(KnowledgeFiles.KnowledgeBaseFileName, "source", "file", $"the article file '{document.Source.File}' was not found in {files.Directory}"));
        }
        var article = File.ReadAllText(articleFile);
        var training = UtteranceSet.Load(files.TrainingUtterances);

        var problems = KnowledgeBaseValidator.Validate(document, article)
            .Concat(KnowledgeBaseValidator.ValidateUtterances(training, document, UtteranceRules.Training, "utterances/train"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidKnowledgeException(files.Directory, problems);
        }
        return (new KnowledgeBase(document, article), training);
    }

    /// <summary>Reads the held-out utterances and checks them against the knowledge base and the training set.</summary>
    public static UtteranceSet LoadHeldOut(KnowledgeFiles files, KnowledgeBase knowledgeBase, UtteranceSet training)
    {
        var heldOut = UtteranceSet.Load(files.TestUtterances);
        var problems = KnowledgeBaseValidator.ValidateUtterances(heldOut, knowledgeBase.Document, UtteranceRules.HeldOut, "utterances/test")
            .Concat(KnowledgeBaseValidator.ValidateHeldOut(heldOut, training, "utterances/test"))
            .ToList();
        return problems.Count > 0 ? throw new InvalidKnowledgeException(files.Directory, problems) : heldOut;
    }

    private static KnowledgeBaseDocument ReadDocument(KnowledgeFiles files)
    {
        if (!File.Exists(files.KnowledgeBase))
        {
            throw Refuse(files, new KnowledgeProblem(KnowledgeFiles.KnowledgeBaseFileName, "-", "-", $"the file was not found in {files.Directory}"));
        }
        try
        {
            return JsonConvert.DeserializeObject<KnowledgeBaseDocument>(File.ReadAllText(files.KnowledgeBase), StrictSettings)
                ?? throw Refuse(files, new KnowledgeProblem(KnowledgeFiles.KnowledgeBaseFileName, "-", "-", "the file is empty"));
        }
        catch (JsonException exception)
        {
            throw Refuse(files, new KnowledgeProblem(KnowledgeFiles.KnowledgeBaseFileName, "-", PathOf(exception), exception.Message));
        }
    }

    private static string PathOf(JsonException exception) => exception switch
    {
        JsonSerializationException { Path: { Length: > 0 } path } => path,
        JsonReaderException { Path: { Length: > 0 } path } => path,
        _ => "-",
    };

    private static InvalidKnowledgeException Refuse(KnowledgeFiles files, KnowledgeProblem problem) => new(files.Directory, [problem]);
}
