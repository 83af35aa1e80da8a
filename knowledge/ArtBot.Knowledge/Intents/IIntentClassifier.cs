namespace ArtBot.Knowledge.Intents;

public interface IIntentClassifier
{
    /// <summary>Every intent with its probability for <paramref name="text"/>, best first.</summary>
    IntentRanking Classify(string text);
}
