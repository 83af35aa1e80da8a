namespace ArtBot.Knowledge.Intents;

/// <summary>One example message for an intent, with where it was written, so a problem can be pointed at.</summary>
public sealed record Utterance(string Text, string Intent, string File, int Line);
