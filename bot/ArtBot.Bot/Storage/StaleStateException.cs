namespace ArtBot.Bot.Storage;

/// <summary>A write carried an ETag that is no longer current: someone else wrote the item since it was read.</summary>
public sealed class StaleStateException(string key, string expected, string current)
    : Exception($"Etag conflict on '{key}': the write was based on ETag {expected}, but the stored item is at {current}.")
{
    public string Key { get; } = key;
}
