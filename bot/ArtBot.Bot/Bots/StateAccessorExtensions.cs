using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Bots;

public static class StateAccessorExtensions
{
    /// <summary>
    /// The state property as one object for the whole turn. State read back from storage holds JSON, and the accessor
    /// hands out a fresh copy on every read, so changes to a copy would be lost; setting it back makes it the one saved.
    /// </summary>
    public static async Task<T> GetForTurnAsync<T>(this IStatePropertyAccessor<T> accessor, ITurnContext turnContext, Func<T> create, CancellationToken cancellationToken)
    {
        var value = await accessor.GetAsync(turnContext, create, cancellationToken);
        await accessor.SetAsync(turnContext, value, cancellationToken);
        return value;
    }
}
