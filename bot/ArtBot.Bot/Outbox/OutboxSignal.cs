namespace ArtBot.Bot.Outbox;

/// <summary>
/// Raised when something is added to the outbox, so this instance's senders send it at once instead of at the next
/// interval. Each destination's sender waits on its own signal, so one raise wakes them all.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Dictionary<OutboxDestination, SemaphoreSlim> _raised =
        Enum.GetValues<OutboxDestination>().ToDictionary(destination => destination, _ => new SemaphoreSlim(0));

    public void Raise()
    {
        foreach (var raised in _raised.Values)
        {
            // Checked and released under a lock of its own: two raises at once leave the count at one, not two.
            lock (raised)
            {
                if (raised.CurrentCount == 0)
                {
                    raised.Release();
                }
            }
        }
    }

    /// <summary>Waits until raised or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(OutboxDestination destination, TimeSpan timeout, CancellationToken cancellationToken) =>
        _raised[destination].WaitAsync(timeout, cancellationToken);
}
