using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ArtBot.Bot.Tests.Hosting;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Hardening;

/// <summary>
/// With MicrosoftAppId set, /api/messages accepts only activities carrying a valid Bot Framework token. The bot's real
/// validation runs against a token service the test serves on loopback, so valid and invalid tokens are both exercised.
/// </summary>
public sealed class BotFrameworkAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "9a7b6c5d-artbot-test-app";
    private const string ServiceUrl = ActivityJson.ServiceUrl;

    private FakeBotFrameworkIssuer _issuer = null!;
    private ArtBotApplication _app = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync("test");
        _app = new ArtBotApplication(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-for-incoming-requests",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.MetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkIssuer.Issuer,
            ["ToChannelFromBotLoginUrl"] = _issuer.BaseUrl + "/login",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = _issuer.BaseUrl + "/oauth",
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Answers_an_activity_with_a_valid_token()
    {
        var response = await PostAsync(_issuer.Token(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not generally painful", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refuses_an_activity_without_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token: null)).StatusCode);
    }

    [Fact]
    public async Task Refuses_an_expired_token()
    {
        var expired = _issuer.Token(AppId, ServiceUrl, expires: DateTime.UtcNow.AddHours(-1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(expired)).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_token_for_another_bot()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token("some-other-bot", ServiceUrl))).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_bearer_token_that_is_not_a_token_at_all_with_401_and_one_log_line()
    {
        var before = _app.Logs.Entries.Count;

        var response = await PostAsync("garbage-not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var logged = _app.Logs.Entries.Skip(before).ToList();
        Assert.Single(logged, entry => entry.Contains("Refused an activity", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, entry => entry.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_an_unsigned_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(FakeBotFrameworkIssuer.UnsignedToken(AppId, ServiceUrl))).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_token_signed_with_a_key_the_issuer_did_not_publish()
    {
        using var forger = RSA.Create(2048);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token(AppId, ServiceUrl, signWith: forger))).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_token_issued_for_another_service_url()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_issuer.Token(AppId, "https://elsewhere.example/"))).StatusCode);
    }

    public static TheoryData<string> MalformedAuthorizationHeaders => new()
    {
        "Bearer not.a.jwt",
        "Bearer ",
        "Bearer",
        "bearer garbage",
        "Basic dXNlcjpwYXNzd29yZA==",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.e30.",
        "Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
        "Bearer " + new string('x', 8000),
        "Bearer one.two.three four.five.six",
        "Bearer \u0000\u0001",
        "Token abc",
    };

    /// <summary>Every refused token is a 401: none escapes as a 500 with a stack trace.</summary>
    [Theory]
    [MemberData(nameof(MalformedAuthorizationHeaders))]
    public async Task Refuses_a_malformed_authorization_header_with_401(string header)
    {
        var activity = ActivityJson.Message("does ART hurt?", recipientId: AppId);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_token_with_401_when_the_signing_keys_cannot_be_fetched()
    {
        using var app = new ArtBotApplication(new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-for-incoming-requests",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.BaseUrl + "/no-such-metadata",
            ["ToBotFromChannelTokenIssuer"] = FakeBotFrameworkIssuer.Issuer,
        });

        var response = await PostAsync(_issuer.Token(AppId, ServiceUrl), app);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string? token) => PostAsync(token, _app);

    private static async Task<HttpResponseMessage> PostAsync(string? token, ArtBotApplication app)
    {
        var activity = ActivityJson.Message("does ART hurt?", recipientId: AppId);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await app.CreateClient().SendAsync(request);
    }
}
