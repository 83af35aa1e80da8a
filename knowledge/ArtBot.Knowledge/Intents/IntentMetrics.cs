namespace ArtBot.Knowledge.Intents;

public sealed record IntentMetrics(string Intent, double Precision, double Recall, double F1, int Support);
