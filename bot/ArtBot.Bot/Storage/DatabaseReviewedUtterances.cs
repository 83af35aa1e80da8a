using ArtBot.Bot.Unanswered;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

public sealed class DatabaseReviewedUtterances(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider time) : IReviewedUtterances
{
    public async Task<bool> AddAsync(string intent, string text, string taughtBy, IReadOnlyCollection<string> askedIn, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ReviewedUtterances.Add(new ReviewedUtteranceRecord
        {
            Intent = intent,
            Text = text,
            TaughtBy = taughtBy,
            TaughtAt = time.GetUtcNow().UtcDateTime,
            AskedIn = string.Join(' ', askedIn.Distinct(StringComparer.Ordinal)),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<(string Intent, string Text)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ReviewedUtterances.AsNoTracking().OrderBy(row => row.Id).Select(row => new { row.Intent, row.Text }).ToListAsync(cancellationToken);
        return [.. rows.Select(row => (row.Intent, row.Text))];
    }

    public async Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Keys are fixed-length digests without spaces, so one can only be found as a whole key.
        var deleted = await db.ReviewedUtterances.Where(row => (" " + row.AskedIn + " ").Contains(" " + conversationKey + " ")).ExecuteDeleteAsync(cancellationToken);
        await db.AfterDeleteAsync(cancellationToken);
        return deleted;
    }
}
