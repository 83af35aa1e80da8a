using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Turns;

/// <summary>
/// What the bot keeps about a conversation, one part per feature (the booking, the topics answered, the answers Teams
/// may vote on, the welcome, a "forget me" awaiting its yes), each its own property of the conversation's state. Every
/// feature reaches its part here: read once per turn (the same object all turn long) and saved once when the turn ends
/// (<see cref="Bots.ArtBotHandler"/>).
/// </summary>
public sealed class ConversationMemory(ConversationState state)
{
    private readonly ConcurrentDictionary<Type, object> _accessors = new();

    /// <summary>
    /// The feature's part for this turn. State read back from storage holds JSON, and the SDK's accessor hands out a
    /// fresh copy on every read, so the part is set back once read: changes to it are the ones saved.
    /// </summary>
    public async Task<T> GetAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken) where T : class, new()
    {
        var accessor = (IStatePropertyAccessor<T>)_accessors.GetOrAdd(typeof(T), type => state.CreateProperty<T>(type.Name));
        var part = await accessor.GetAsync(turnContext, () => new T(), cancellationToken);
        await accessor.SetAsync(turnContext, part, cancellationToken);
        return part;
    }

    public Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        state.SaveChangesAsync(turnContext, force: false, cancellationToken);

    /// <summary>Everything kept about the conversation, gone ("forget me").</summary>
    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        state.DeleteAsync(turnContext, cancellationToken);
}
