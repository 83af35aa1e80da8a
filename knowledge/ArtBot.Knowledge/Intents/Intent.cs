namespace ArtBot.Knowledge.Intents;

/// <summary>Intents are named after knowledge-base entries, plus <see cref="None"/> for what the article does not cover.</summary>
public static class Intent
{
    public const string None = "none";
}
