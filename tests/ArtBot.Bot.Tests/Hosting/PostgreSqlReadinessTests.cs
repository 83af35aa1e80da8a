using System.Net;
using ArtBot.Bot.Storage;
using ArtBot.TestSupport;

namespace ArtBot.Bot.Tests.Hosting;

public sealed class PostgreSqlReadinessTests
{
    [Fact]
    public async Task Is_not_ready_when_the_shared_database_goes_away_and_says_why()
    {
        using var app = new ArtBotApplication(database: DatabaseProvider.PostgreSQL);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // The database is dropped while the bot runs, as a failed-over or deleted server would leave it.
        PostgresServer.DropDatabase(app.Settings["ConnectionStrings:ArtBot"]!);
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("cannot be written", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
