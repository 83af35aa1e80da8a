using ArtBot.Bot.Unanswered;
using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>Unanswered questions in the database, so every instance adds to one list and "forget me" reaches all of it.</summary>
public sealed class DatabaseUnansweredQuestionLog(IDbContextFactory<ArtBotDbContext> contexts) : IUnansweredQuestionLog
{
    public async Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.UnansweredQuestions.Add(new UnansweredQuestionRecord
        {
            AskedAt = question.AskedAt.UtcDateTime,
            ChannelId = question.ChannelId,
            Question = question.Question,
            Confidence = question.Confidence,
            ConversationKey = question.ConversationKey,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnansweredQuestion>> ListAsync(CancellationToken cancellationToken, DateTimeOffset? since = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = (since ?? DateTimeOffset.MinValue).UtcDateTime;
        var rows = await db.UnansweredQuestions.AsNoTracking().Where(row => row.AskedAt >= from).OrderBy(row => row.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(row => new UnansweredQuestion(new DateTimeOffset(row.AskedAt, TimeSpan.Zero), row.ChannelId, row.Question, row.Confidence, row.ConversationKey))];
    }

    public async Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.UnansweredQuestions.Where(row => row.ConversationKey == conversationKey).ExecuteDeleteAsync(cancellationToken);
        await db.AfterDeleteAsync(cancellationToken);
        return deleted;
    }

    public async Task<IReadOnlyList<string>> ConversationsThatAskedAsync(string question, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var from = since.UtcDateTime;
        return await db.UnansweredQuestions.AsNoTracking().Where(row => row.Question == question && row.AskedAt >= from)
            .Select(row => row.ConversationKey).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<int> DeleteAskedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = cutoff.UtcDateTime;
        var deleted = await db.UnansweredQuestions.Where(row => row.AskedAt < before).ExecuteDeleteAsync(cancellationToken);
        await db.AfterDeleteAsync(cancellationToken);
        return deleted;
    }
}
