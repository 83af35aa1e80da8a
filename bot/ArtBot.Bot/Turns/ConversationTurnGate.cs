using System.Collections.Concurrent;
using Microsoft.Bot.Builder;

namespace ArtBot.Bot.Turns;

/// <summary>
/// Runs one turn at a time per conversation, so a double click or a re-sent activity sees the state the
/// turn before it saved. (Across several instances, the state store's ETags still refuse the stale write.)
/// </summary>
public sealed class ConversationTurnGate : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        var gate = Enter(key);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                await next(cancellationToken);
            }
            finally
            {
                gate.Semaphore.Release();
            }
        }
        finally
        {
            Leave(key, gate);
        }
    }

    private Gate Enter(string key)
    {
        while (true)
        {
            var gate = _gates.GetOrAdd(key, _ => new Gate());
            lock (gate)
            {
                if (!gate.Retired)
                {
                    gate.Users++;
                    return gate;
                }
            }
        }
    }

    /// <summary>The last turn out removes the gate, so idle conversations hold no memory.</summary>
    private void Leave(string key, Gate gate)
    {
        lock (gate)
        {
            if (--gate.Users == 0)
            {
                gate.Retired = true;
                _gates.TryRemove(new KeyValuePair<string, Gate>(key, gate));
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
        public bool Retired { get; set; }
    }
}
