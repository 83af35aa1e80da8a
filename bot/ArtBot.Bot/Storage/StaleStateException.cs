namespace ArtBot.Bot.Storage;

/// <summary>Bot state was written by another turn (or another instance) since this turn read it.</summary>
public sealed class StaleStateException(string key, string expected, string current)
    : Exception($"The state of '{key}' changed since it was read (read with ETag {expected}, now {current}).")
{
    public string Key { get; } = key;
}
