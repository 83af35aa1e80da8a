using System.Net;
using System.Text;
using ArtBot.Bot.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hosting;

public sealed class TurnErrorTests
{
    [Fact]
    public async Task Tells_the_person_something_went_wrong_when_a_turn_fails()
    {
        using var app = new ArtBotApplication();
        var client = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddTransient<IBot, FailingBot>())).CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent("""
            {"type":"message","id":"1","text":"does it hurt","channelId":"test","serviceUrl":"http://localhost:9/",
             "deliveryMode":"expectReplies","from":{"id":"v"},"recipient":{"id":"b"},"conversation":{"id":"c"}}
            """, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activities = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
        Assert.Contains(activities, activity => (string?)activity["text"] == ArtBotAdapter.ErrorMessage);
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the knowledge base went away");
    }
}
