using ArtBot.Bot.Storage.Sqlite;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.DirectLine;
using ArtBot.Bot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Tests.Privacy;

public sealed class RetentionJobTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly ManualTime _time = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Deletes_requests_and_conversation_state_older_than_the_retention_period_and_keeps_the_rest()
    {
        var requests = new SqliteConsultRequestStore(_database.Database, _time);
        var state = new SqliteBotStorage(_database.Database, _time);
        await requests.SaveAsync(Request("ART-OLD2"), CancellationToken.None);
        await state.WriteAsync(new Dictionary<string, object> { ["old-conversation"] = new Dictionary<string, object> { ["step"] = 3 } });
        _time.Now += TimeSpan.FromDays(60);
        await requests.SaveAsync(Request("ART-NEW2"), CancellationToken.None);
        await state.WriteAsync(new Dictionary<string, object> { ["new-conversation"] = new Dictionary<string, object> { ["step"] = 1 } });
        _time.Now += TimeSpan.FromDays(31);
        var job = new RetentionJob(requests, state, Options.Create(new PrivacyOptions { RetentionDays = 90 }), _time, NullLogger<RetentionJob>.Instance);

        var deleted = await job.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1), deleted);
        Assert.Equal("ART-NEW2", Assert.Single(await requests.ListAsync(CancellationToken.None)).Reference);
        Assert.Equal(["new-conversation"], (await state.ReadAsync(["old-conversation", "new-conversation"])).Keys);
    }

    private static ConsultRequest Request(string reference) => new(
        Guid.NewGuid(), reference, "test", "Dana", ContactDetails.ByPhone("+14165550199"), ConsultMode.PhoneCall,
        PreferredTime.Any, null, DateTimeOffset.UtcNow, ConsentWording.Version);
}
