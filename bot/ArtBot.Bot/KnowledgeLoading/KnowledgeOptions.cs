namespace ArtBot.Bot.KnowledgeLoading;

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>The folder with knowledge-base.json, the article, the utterances and the model; empty means the copy next to the program.</summary>
    public string DataDirectory { get; set; } = "";
}
