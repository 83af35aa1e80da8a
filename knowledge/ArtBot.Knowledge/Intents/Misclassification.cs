namespace ArtBot.Knowledge.Intents;

public sealed record Misclassification(Utterance Utterance, IntentScore Predicted);
