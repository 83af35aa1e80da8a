using ArtBot.Bot.Turns;
using ArtBot.Bot.Hosting;
using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using static ArtBot.Bot.Tests.Hosting.BotConversationClient;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>
/// Another instance saves the same conversation while a turn runs (played here by a store that refuses the turn's
/// first saves, as the database does then): the turn runs again on the fresh state, or the person is asked to resend.
/// </summary>
public sealed class StaleTurnTests
{
    [Fact]
    public async Task A_turn_that_loses_once_runs_again_and_its_replies_are_sent_once()
    {
        var contended = new ContendedStorage(refusals: 1);
        using var app = new ArtBotApplication(testServices: contended.Install);
        var chat = new BotConversationClient(app.CreateClient(), "stale-1");

        var replies = await chat.SayAsync("Book a free consult");
        var next = await chat.SayAsync("Priya Raman");

        Assert.Equal(1, contended.Refused);
        Assert.Equal(["intro", "name"], replies.Select(Step));
        Assert.Equal("contact", Step(Assert.Single(next)));
    }

    [Fact]
    public async Task A_turn_that_loses_twice_asks_the_person_to_send_it_again_and_changes_nothing()
    {
        var contended = new ContendedStorage(refusals: 2);
        using var app = new ArtBotApplication(testServices: contended.Install);
        var chat = new BotConversationClient(app.CreateClient(), "stale-2");

        var replies = await chat.SayAsync("Book a free consult");
        var resent = await chat.SayAsync("Book a free consult");

        Assert.Equal(StaleTurnRetry.ResendMessage, (string?)Assert.Single(replies)["text"]);
        Assert.Equal(["intro", "name"], resent.Select(Step));
    }

    /// <summary>The app's own store, refusing the first saves as stale, as it does when another instance saved first.</summary>
    private sealed class ContendedStorage(int refusals) : IStorage
    {
        private IStorage _inner = null!;

        public int Refused { get; private set; }

        public void Install(IServiceCollection services) =>
            services.AddSingleton<IStorage>(provider => { _inner = provider.GetRequiredService<DatabaseBotStorage>(); return this; });

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
        {
            if (Refused < refusals)
            {
                Refused++;
                throw new StaleStateException(changes.Keys.First(), "read", "saved by the other instance");
            }
            return _inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => _inner.DeleteAsync(keys, cancellationToken);
    }
}
