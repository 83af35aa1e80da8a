using System.Net;
using System.Text;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Security;

/// <summary>Without <c>MicrosoftAppId</c>, <c>/api/messages</c> is for this machine only, and the website chat's conversations are out of its reach.</summary>
public sealed class LocalModeTests
{
    [Fact]
    public async Task Refuses_a_request_from_another_machine()
    {
        using var app = new ArtBotApplication();
        using var client = FromAnotherMachine(app).CreateClient();

        var response = await client.PostAsync("/api/messages", Json(ActivityJson.Message("does it hurt")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only from this machine", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_another_machine_when_the_setting_allows_it_and_says_so_at_every_start()
    {
        using var app = new ArtBotApplication(new() { ["Security:AllowUnauthenticatedRemote"] = "true" });
        using var client = FromAnotherMachine(app).CreateClient();

        var response = await client.PostAsync("/api/messages", Json(ActivityJson.Message("does it hurt")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Logs.Entries, entry => entry.Contains("AllowUnauthenticatedRemote is on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warns_at_start_up_that_authentication_is_off()
    {
        using var app = new ArtBotApplication();
        using var client = app.CreateClient();

        await client.GetAsync("/healthz");

        Assert.Single(app.Logs.Entries, entry => entry.Contains("Authentication is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Will_not_be_steered_to_post_replies_to_another_address()
    {
        using var app = new ArtBotApplication();
        using var client = app.CreateClient();
        var activity = ActivityJson.Message("does it hurt");
        activity.Remove("deliveryMode");
        activity["serviceUrl"] = "http://192.0.2.10:5099/internal/";

        var response = await client.PostAsync("/api/messages", Json(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only to this machine", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Keeps_the_website_chats_conversations_out_of_reach_of_api_messages()
    {
        using var app = new ArtBotApplication();
        using var client = app.CreateClient();
        var chat = await new WebChat.DirectLine.DirectLineClient(client).StartAsync();
        (await chat.SayAsync("Book a free consult")).EnsureSuccessStatusCode();
        (await chat.SayAsync("Quentin Marlowe")).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/messages", Json(ActivityJson.Message("Change", chat.ConversationId, channelId: "webchat")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Quentin", await response.Content.ReadAsStringAsync());
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> FromAnotherMachine(ArtBotApplication app) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress("203.0.113.7"))));

    private static StringContent Json(JObject activity) => new(activity.ToString(), Encoding.UTF8, "application/json");

    /// <summary>The in-memory test server has no network: this makes each request look as if it came from <paramref name="address"/>.</summary>
    private sealed class RemoteAddress(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
