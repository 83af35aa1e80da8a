using System.Net;
using ArtBot.Bot.Hardening;
using ArtBot.Bot.Tests.Hosting;

namespace ArtBot.Bot.Tests.Hardening;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_conversation_sending_too_fast_is_asked_to_slow_down_and_others_are_still_answered()
    {
        using var app = new ArtBotApplication(new() { ["RateLimits:ConversationBurst"] = "3", ["RateLimits:ConversationPerMinute"] = "1" });
        var hurried = new BotConversationClient(app.CreateClient(), "hurried");
        var calm = new BotConversationClient(app.CreateClient(), "calm");

        for (var message = 0; message < 3; message++)
        {
            Assert.NotEqual(ConversationRateLimit.SlowDown, (string?)(await hurried.SayAsync("what are adhesions")).Single()["text"]);
        }
        var fourth = (await hurried.SayAsync("what are adhesions")).Single();

        Assert.Equal(ConversationRateLimit.SlowDown, (string?)fourth["text"]);
        Assert.Contains("scar tissue", (string?)(await calm.SayAsync("what are adhesions")).Single()["text"]);
    }

    [Fact]
    public async Task A_client_address_over_its_limit_gets_429_with_the_reason()
    {
        using var app = new ArtBotApplication(new() { ["RateLimits:ClientBurst"] = "5", ["RateLimits:ClientPerMinute"] = "1" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var request = 0; request < 7; request++)
        {
            statuses.Add((await client.PostAsync("/api/directline/token", null)).StatusCode);
        }
        var refused = await client.PostAsync("/api/directline/token", null);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
    }
}
