using System.Net;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.WebChat.DirectLine;

/// <summary>With a Direct Line secret, the token endpoint exchanges it with Azure (here a fake on loopback) and hands out only the token.</summary>
public sealed class AzureDirectLineTokenTests : IAsyncLifetime
{
    private const string Secret = "s3cret-direct-line-key";

    private WebApplication _fakeAzure = null!;
    private string _fakeAzureUrl = "";
    private readonly List<string?> _authorizations = [];
    private readonly List<string?> _users = [];
    private int _status = StatusCodes.Status200OK;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _fakeAzure = builder.Build();
        _fakeAzure.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            _authorizations.Add(request.Headers.Authorization);
            _users.Add((string?)JObject.Parse(await new StreamReader(request.Body).ReadToEndAsync())["user"]?["id"]);
            return _status == StatusCodes.Status200OK
                ? Results.Text("""{"conversationId":"azure-conversation","token":"azure-token","expires_in":3600}""", "application/json")
                : Results.StatusCode(_status);
        });
        await _fakeAzure.StartAsync();
        _fakeAzureUrl = _fakeAzure.Urls.Single();
    }

    public async Task DisposeAsync() => await _fakeAzure.DisposeAsync();

    [Fact]
    public async Task Exchanges_the_secret_and_returns_only_the_token_for_a_user_id_the_bot_made()
    {
        using var app = AppWithSecret();

        var response = await app.CreateClient().PostAsync("/api/directline/token", null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Azure binds the token to the user id in the request (TokenParameters.User), so the visitor cannot choose another.
        var userId = Assert.Single(_users);
        Assert.StartsWith("dl_", userId);
        Assert.Equal(new JObject { ["token"] = "azure-token", ["userId"] = userId }, JObject.Parse(body), JToken.EqualityComparer);
        Assert.DoesNotContain(Secret, body);
        Assert.Equal($"Bearer {Secret}", Assert.Single(_authorizations));
    }

    [Fact]
    public async Task Says_the_chat_is_unavailable_when_Azure_refuses()
    {
        _status = StatusCodes.Status403Forbidden;
        using var app = AppWithSecret();

        var response = await app.CreateClient().PostAsync("/api/directline/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("unavailable", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Serves_no_Direct_Line_of_its_own_and_lets_the_page_reach_Azure()
    {
        using var app = AppWithSecret();
        var client = app.CreateClient();

        var ownDirectLine = await client.PostAsync("/v3/directline/conversations", null);
        var chat = await client.GetAsync("/chat");

        Assert.Equal(HttpStatusCode.NotFound, ownDirectLine.StatusCode);
        var policy = chat.Headers.GetValues("Content-Security-Policy").Single();
        var azure = new Uri(_fakeAzureUrl);
        Assert.Contains($"connect-src 'self' ws://localhost {_fakeAzureUrl} wss://{azure.Authority}", policy);
    }

    private ArtBotApplication AppWithSecret() => new(new()
    {
        ["DirectLine:Secret"] = Secret,
        ["DirectLine:Domain"] = _fakeAzureUrl + "/v3/directline",
    });
}
