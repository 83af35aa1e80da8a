namespace ArtBot.Bot.Consult;

/// <summary>Where confirmed consult requests are kept for the clinic's staff.</summary>
public interface IConsultRequestStore
{
    /// <summary>
    /// Stores the request and returns its reference. Saving again a request whose <see cref="ConsultRequest.BookingId"/>
    /// is already stored changes nothing and returns the reference it was given the first time, marked as not new.
    /// </summary>
    Task<SaveOutcome> SaveAsync(ConsultRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredConsultRequest>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// "Forget me": deletes every request of the person, of the conversation, or with one of the references the
    /// conversation was given, so that none of their details can be read back, with the emails about them not sent yet; returns how many there were.
    /// </summary>
    Task<int> DeleteForPersonAsync(PersonKeys person, CancellationToken cancellationToken);

    /// <summary>Deletes the requests stored before <paramref name="cutoff"/> (retention); returns how many there were.</summary>
    Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
