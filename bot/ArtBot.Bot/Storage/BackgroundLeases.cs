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
        if (taken == 1)
        {
            return true;
        }
        db.BackgroundLeases.Add(new BackgroundLeaseRecord { Name = work, Holder = Holder, ExpiresAt = until });
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

    /// <summary>Claims a piece of work done once (today's digest): true for exactly one caller, whichever instance and however often asked.</summary>
    public async Task<bool> TryClaimOnceAsync(string work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.BackgroundLeases.Add(new BackgroundLeaseRecord { Name = work, Holder = Holder, ExpiresAt = DateTime.MaxValue });
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
}
