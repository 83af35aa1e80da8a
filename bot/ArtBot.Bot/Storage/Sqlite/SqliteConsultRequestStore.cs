using System.Globalization;
using ArtBot.Bot.Consult;
using Microsoft.Data.Sqlite;

namespace ArtBot.Bot.Storage.Sqlite;

/// <summary>Consult requests in the SQLite database: one row per booking id, a unique reference, deletes that leave nothing readable.</summary>
public sealed class SqliteConsultRequestStore(SqliteDatabase database, TimeProvider? time = null) : IConsultRequestStore
{
    private const int SqliteConstraintViolation = 19;
    private const int ReferenceAttempts = 5;

    public async Task<SavedConsultRequest> SaveAsync(ConsultRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var proposed = request.Reference;
        var inserted = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO consult_requests
                        (booking_id, reference, created_at, channel_id, name, phone, email, consult_mode, time_of_day, concern, consent_given_at, consent_version, requester_key, conversation_key)
                    VALUES ($bookingId, $reference, $createdAt, $channelId, $name, $phone, $email, $mode, $time, $concern, $consentAt, $consentVersion, $requesterKey, $conversationKey)
                    ON CONFLICT (booking_id) DO NOTHING
                    """;
                insert.Parameters.AddWithValue("$bookingId", request.BookingId.ToString("N"));
                insert.Parameters.AddWithValue("$reference", proposed);
                insert.Parameters.AddWithValue("$createdAt", (time ?? TimeProvider.System).GetUtcNow().ToUniversalTime().ToString("O"));
                insert.Parameters.AddWithValue("$channelId", request.ChannelId);
                insert.Parameters.AddWithValue("$name", request.Name);
                insert.Parameters.AddWithValue("$phone", (object?)request.Contact.Phone ?? DBNull.Value);
                insert.Parameters.AddWithValue("$email", (object?)request.Contact.Email ?? DBNull.Value);
                insert.Parameters.AddWithValue("$mode", request.Mode.ToString());
                insert.Parameters.AddWithValue("$time", request.Time.ToString());
                insert.Parameters.AddWithValue("$concern", (object?)request.Concern ?? DBNull.Value);
                insert.Parameters.AddWithValue("$consentAt", request.ConsentGivenAt.ToString("O"));
                insert.Parameters.AddWithValue("$consentVersion", request.ConsentVersion);
                insert.Parameters.AddWithValue("$requesterKey", (object?)request.RequesterKey ?? DBNull.Value);
                insert.Parameters.AddWithValue("$conversationKey", (object?)request.ConversationKey ?? DBNull.Value);
                inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
                break;
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteConstraintViolation && attempt < ReferenceAttempts)
            {
                // Another request already has this reference: draw a new one.
                proposed = ReferenceCode.New();
            }
        }

        using var select = connection.CreateCommand();
        select.CommandText = "SELECT reference FROM consult_requests WHERE booking_id = $bookingId";
        select.Parameters.AddWithValue("$bookingId", request.BookingId.ToString("N"));
        return new SavedConsultRequest((string)(await select.ExecuteScalarAsync(cancellationToken))!, IsNew: inserted == 1);
    }

    public async Task<IReadOnlyList<StoredConsultRequest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT reference, created_at, booking_id, channel_id, name, phone, email, consult_mode, time_of_day, concern, consent_given_at, consent_version, requester_key
            FROM consult_requests ORDER BY id
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<StoredConsultRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new StoredConsultRequest(
                reader.GetString(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                new ConsultRequest(
                    Guid.Parse(reader.GetString(2)),
                    reader.GetString(0),
                    reader.GetString(3),
                    reader.GetString(4),
                    new ContactDetails(NullableString(reader, 5), NullableString(reader, 6)),
                    Enum.Parse<ConsultMode>(reader.GetString(7)),
                    Enum.Parse<PreferredTime>(reader.GetString(8)),
                    NullableString(reader, 9),
                    DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                    reader.GetString(11)) { RequesterKey = NullableString(reader, 12) }));
        }
        return requests;
    }

    public Task<int> DeleteForPersonAsync(PersonKeys person, CancellationToken cancellationToken)
    {
        var references = person.References.Select((reference, index) => (Name: $"$reference{index}", Value: (object)reference)).ToList();
        var sql = "DELETE FROM consult_requests WHERE requester_key = $requesterKey OR conversation_key = $conversationKey" +
            (references.Count > 0 ? $" OR reference IN ({string.Join(", ", references.Select(reference => reference.Name))})" : "");
        return database.DeleteAsync(sql, [("$requesterKey", person.RequesterKey), ("$conversationKey", person.ConversationKey), .. references], cancellationToken);
    }

    public Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.DeleteAsync("DELETE FROM consult_requests WHERE created_at < $cutoff", [("$cutoff", SqliteDatabase.Stored(cutoff))], cancellationToken);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
