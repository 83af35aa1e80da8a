namespace ArtBot.Knowledge;

/// <summary>Where the knowledge base, the utterances and the model live inside a data folder.</summary>
public sealed record KnowledgeFiles(string Directory)
{
    public const string KnowledgeBaseFileName = "knowledge-base.json";
    public const string ModelFileName = "intent-model.zip";
    public const string MetricsReportFileName = "intent-model.metrics.md";

    /// <summary>The data folder copied next to every program that references this library.</summary>
    public static KnowledgeFiles Default { get; } = new(Path.Combine(AppContext.BaseDirectory, "Data"));

    public string KnowledgeBase => Path.Combine(Directory, KnowledgeBaseFileName);
    public string TrainingUtterances => Path.Combine(Directory, "utterances", "train");
    public string TestUtterances => Path.Combine(Directory, "utterances", "test");
    public string Model => Path.Combine(Directory, ModelFileName);
    public string MetricsReport => Path.Combine(Directory, MetricsReportFileName);

    public string Article(string fileName) => Path.Combine(Directory, fileName);

    public string SafetyRules(string locale) => Path.Combine(Directory, "safety", locale + ".json");
}
