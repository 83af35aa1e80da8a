namespace ArtBot.Bot.Staff;

/// <summary>Raised when something is added to the staff outbox, so this instance sends it at once instead of at the next interval.</summary>
public sealed class StaffOutboxSignal
{
    private readonly SemaphoreSlim _raised = new(0);

    public void Raise()
    {
        if (_raised.CurrentCount == 0)
        {
            _raised.Release();
        }
    }

    /// <summary>Waits until raised or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _raised.WaitAsync(timeout, cancellationToken);
}
