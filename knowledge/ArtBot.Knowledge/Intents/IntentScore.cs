namespace ArtBot.Knowledge.Intents;

public readonly record struct IntentScore(string Intent, float Score);
