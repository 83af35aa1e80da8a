using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>
/// Instances that start together race for the same lease rows. Exactly one wins each, and losing is not an error: a
/// healthy start writes no error to the log.
/// </summary>
public sealed class BackgroundLeaseTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task A_fresh_start_with_instances_racing_for_leases_and_probes_arriving_together_logs_no_error(DatabaseProvider provider)
    {
        using var app = new ArtBotApplication(database: provider);
        var client = app.CreateClient();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ArtBotDbContext>>();
        var instances = Enumerable.Range(0, 8).Select(_ => new BackgroundLeases(contexts, TimeProvider.System)).ToList();

        var sweeps = await Task.WhenAll(instances.Select(lease => Task.Run(() => lease.TryTakeAsync("race-sweep", TimeSpan.FromHours(1), CancellationToken.None))));
        var digests = await Task.WhenAll(instances.Select(lease => Task.Run(() => lease.TryClaimOnceAsync("race-digest", CancellationToken.None))));

        var probes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/readyz")));

        Assert.All(probes, probe => Assert.Equal(System.Net.HttpStatusCode.OK, probe.StatusCode));
        Assert.Single(sweeps, taken => taken);
        Assert.Single(digests, claimed => claimed);
        var errors = app.Logs.Entries.Where(entry => entry.StartsWith("Error", StringComparison.Ordinal) || entry.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task A_lease_whose_holder_stopped_is_taken_over_when_it_runs_out(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var time = new ArtBot.Bot.Tests.WebChat.DirectLine.ManualTime();
        var first = new BackgroundLeases(database.Contexts, time);
        var second = new BackgroundLeases(database.Contexts, time);

        Assert.True(await first.TryTakeAsync("sweep", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.False(await second.TryTakeAsync("sweep", TimeSpan.FromMinutes(10), CancellationToken.None));
        time.Now += TimeSpan.FromMinutes(11);

        Assert.True(await second.TryTakeAsync("sweep", TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.False(await first.TryTakeAsync("sweep", TimeSpan.FromMinutes(10), CancellationToken.None));
    }
}
