namespace ArtBot.Bot.Privacy;

/// <summary>What retention deletes from the bot's conversation state, whatever database keeps it.</summary>
public interface IConversationStateRetention
{
    /// <summary>Deletes the state of conversations nobody has written to since <paramref name="cutoff"/>.</summary>
    Task<int> DeleteNotUpdatedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes the state of conversations with a booking left unfinished (a name or contact in it) and not written to since <paramref name="cutoff"/>.</summary>
    Task<int> DeleteUnfinishedBookingsNotUpdatedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
