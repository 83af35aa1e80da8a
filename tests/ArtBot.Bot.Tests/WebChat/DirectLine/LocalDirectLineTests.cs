using ArtBot.Bot.Storage;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using ArtBot.Bot.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.WebChat.DirectLine;

/// <summary>The bot's own Direct Line, as the unmodified Web Chat uses it when no Azure secret is configured.</summary>
public abstract class LocalDirectLineTests : IDisposable
{
    private readonly ManualTime _time = new();
    private readonly ArtBotApplication _app;
    private readonly WebApplicationFactory<Program> _appWithClock;
    private readonly HttpClient _client;

    protected LocalDirectLineTests(DatabaseProvider database)
    {
        _app = new ArtBotApplication(database: database);
        _appWithClock = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time)));
        _client = _appWithClock.CreateClient();
    }

    public void Dispose()
    {
        _appWithClock.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Welcomes_on_join_and_answers_a_question_read_back_by_watermark()
    {
        var chat = await new DirectLineClient(_client).StartAsync();

        await chat.PostAsync(Join());
        var (afterJoin, watermark) = await chat.ActivitiesAsync();
        (await chat.SayAsync("does it hurt?")).EnsureSuccessStatusCode();
        var (afterQuestion, _) = await chat.ActivitiesAsync(watermark);

        Assert.Equal(["event", "message"], afterJoin.Select(activity => (string?)activity["type"]));
        Assert.Equal("welcome", (string?)afterJoin[1]["channelData"]!["artbot"]!["kind"]);
        Assert.Equal(["user", "bot"], afterQuestion.Select(activity => (string?)activity["from"]!["role"]));
        Assert.Contains("not generally painful", (string?)afterQuestion[1]["text"]);
        Assert.Equal((string?)afterQuestion[0]["id"], (string?)afterQuestion[1]["replyToId"]);
        Assert.StartsWith(chat.ConversationId + "|", (string?)afterQuestion[1]["id"]);
    }

    [Fact]
    public async Task Answers_a_question_with_a_NUL_character_and_shows_it_without_one()
    {
        var chat = await new DirectLineClient(_client).StartAsync();

        (await chat.SayAsync("does it\u0000 hurt?")).EnsureSuccessStatusCode();
        var (activities, _) = await chat.ActivitiesAsync();

        Assert.Equal(["user", "bot"], activities.Select(activity => (string?)activity["from"]!["role"]));
        Assert.Equal("does it hurt?", (string?)activities[0]["text"]);
        Assert.Contains("not generally painful", (string?)activities[1]["text"]);
    }

    [Fact]
    public async Task Streams_the_bots_replies_over_a_WebSocket()
    {
        var chat = await new DirectLineClient(_client).StartAsync();
        var socket = await _appWithClock.Server.CreateWebSocketClient().ConnectAsync(new Uri(chat.StreamUrl), CancellationToken.None);

        await chat.PostAsync(Join());
        var received = new List<string>();
        var buffer = new byte[64 * 1024];
        while (!received.Any(text => text.Contains("\"welcome\"")))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            received.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }

        var set = JObject.Parse(received.Last(text => text.Length > 0));
        Assert.Equal("2", (string?)set["watermark"]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_the_bot_closes_open_streams_at_once_saying_it_is_restarting()
    {
        var chat = await new DirectLineClient(_client).StartAsync();
        var socket = await _appWithClock.Server.CreateWebSocketClient().ConnectAsync(new Uri(chat.StreamUrl), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var closing = Task.Run(async () =>
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, patience.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return result;
                }
            }
        });

        _appWithClock.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();
        var closed = await closing;

        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closed.CloseStatus);
        Assert.Equal("The bot is restarting.", closed.CloseStatusDescription);
    }

    [Fact]
    public async Task Refuses_a_request_without_a_token()
    {
        var chat = await new DirectLineClient(_client).StartAsync();

        var response = await chat.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_grants_its_own_conversation_and_no_other()
    {
        var mine = await new DirectLineClient(_client).StartAsync();
        var theirs = await new DirectLineClient(_client).StartAsync();

        var response = await mine.PostAsync(Join(), conversationId: theirs.ConversationId);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await theirs.ActivitiesAsync()).Activities);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("dl-abc.99999999999.forged")]
    public async Task Refuses_a_token_it_did_not_sign(string token)
    {
        var chat = await new DirectLineClient(_client).StartAsync();

        var response = await chat.PostAsync(Join(), token: token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_an_expired_token_and_accepts_a_refreshed_one()
    {
        var chat = await new DirectLineClient(_client).StartAsync();
        _time.Now += TimeSpan.FromMinutes(20);
        var refresh = await chat.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        var refreshed = (string)JObject.Parse(await refresh.Content.ReadAsStringAsync())["token"]!;

        _time.Now += TimeSpan.FromMinutes(20);

        Assert.Equal(HttpStatusCode.Forbidden, (await chat.PostAsync(Join())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chat.PostAsync(Join(), token: refreshed)).StatusCode);
    }

    [Fact]
    public async Task Forgets_a_conversation_and_its_activities_after_the_idle_time()
    {
        var chat = await new DirectLineClient(_client).StartAsync();
        await chat.SayAsync("what are adhesions");
        var conversations = _appWithClock.Services.GetRequiredService<LocalConversations>();

        _time.Now += TimeSpan.FromMinutes(31);
        var removed = conversations.RemoveIdle();

        Assert.Equal(1, removed);
        var response = await chat.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities", token: chat.Token);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Rejects_a_body_that_is_not_an_activity()
    {
        var chat = await new DirectLineClient(_client).StartAsync();

        var response = await chat.PostAsync(new JObject { ["text"] = "no type" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Refuses_an_activity_over_the_size_limit()
    {
        var chat = await new DirectLineClient(_client).StartAsync();

        var response = await chat.PostAsync(new JObject { ["type"] = "message", ["text"] = new string('x', 300 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static JObject Join() => new()
    {
        ["type"] = "event",
        ["name"] = "webchat/join",
        ["from"] = new JObject { ["id"] = "visitor", ["role"] = "user" },
    };
}

public sealed class LocalDirectLineTestsOnSqlite() : LocalDirectLineTests(DatabaseProvider.Sqlite);

public sealed class LocalDirectLineTestsOnPostgreSql() : LocalDirectLineTests(DatabaseProvider.PostgreSQL);
