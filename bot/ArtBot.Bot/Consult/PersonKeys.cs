namespace ArtBot.Bot.Consult;

/// <summary>How "forget me" finds a person's requests: their requester key, this conversation's key, and the references it was given.</summary>
public sealed record PersonKeys(string RequesterKey, string ConversationKey, IReadOnlyList<string> References);
