using ArtBot.Bot.Unanswered;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

public sealed class DatabaseReviewedUtterances(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider time) : IReviewedUtterances
{
    public async Task<bool> AddAsync(string intent, string text, string taughtBy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ReviewedUtterances.Add(new ReviewedUtteranceRecord { Intent = intent, Text = text, TaughtBy = taughtBy, TaughtAt = time.GetUtcNow().UtcDateTime });
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
}
