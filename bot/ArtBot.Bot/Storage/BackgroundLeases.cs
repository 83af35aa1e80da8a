using Microsoft.EntityFrameworkCore;

namespace ArtBot.Bot.Storage;

/// <summary>
/// Background work that several instances would otherwise all do (a retention sweep, …) is done by whichever instance
/// holds its lease: taking it is one conditional update, so two instances never both hold it, and a crashed holder's
/// lease simply runs out.
/// </summary>
public sealed class BackgroundLeases(IDbContextFactory<ArtBotDbContext> contexts, TimeProvider time)
{
    /// <summary>Names this process while it runs.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Takes (or renews) the lease on <paramref name="work"/> for <paramref name="duration"/>, unless another holder has it.</summary>
    public async Task<bool> TryTakeAsync(string work, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = await db.BackgroundLeases
            .Where(lease => lease.Name == work && (lease.Holder == Holder || lease.ExpiresAt < now))
            .ExecuteUpdateAsync(set => set.SetProperty(lease => lease.Holder, Holder).SetProperty(lease => lease.ExpiresAt, until), cancellationToken);
        return taken == 1 || await TryInsertAsync(db, work, until, cancellationToken);
    }

    /// <summary>Claims a piece of work done once (today's digest): true for exactly one caller, whichever instance and however often asked.</summary>
    public async Task<bool> TryClaimOnceAsync(string work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TryInsertAsync(db, work, DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), cancellationToken);
    }

    /// <summary>
    /// Adds the lease's row unless another instance just did: instances start together and race for it, and losing
    /// is normal, so the insert is one that does nothing on a conflict (SQLite and PostgreSQL share the syntax) rather
    /// than one that fails and has the database provider log an error.
    /// </summary>
    private async Task<bool> TryInsertAsync(ArtBotDbContext db, string work, DateTime until, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO background_leases (name, holder, expires_at) VALUES ({work}, {Holder}, {until}) ON CONFLICT (name) DO NOTHING",
            cancellationToken) == 1;
}
