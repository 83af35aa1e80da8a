using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Bot.KnowledgeLoading;

/// <summary>
/// The knowledge base and the training utterances it was validated with, read once. Quick on its own, so what needs
/// only the knowledge base (the staff cards) does not wait for the encoder.
/// </summary>
public sealed record KnowledgeSources(KnowledgeBase KnowledgeBase, UtteranceSet TrainingUtterances)
{
    public static KnowledgeSources Read(KnowledgeFiles files)
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        return new KnowledgeSources(knowledgeBase, training);
    }
}
