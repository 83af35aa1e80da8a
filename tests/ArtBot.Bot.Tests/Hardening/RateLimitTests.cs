using System.Net;
using ArtBot.Bot.Hardening;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Addresses_of_one_machine_or_one_IPv6_network_share_one_allowance()
    {
        using var app = FromPeers(new() { ["RateLimits:ClientBurst"] = "3", ["RateLimits:ClientPerMinute"] = "1" });
        var client = app.CreateClient();

        var loopback = await StatusesAsync(client, ("127.0.0.2", null), ("127.0.0.3", null), ("127.9.9.9", null), ("127.0.0.5", null));
        var ipv6 = await StatusesAsync(client, ("2001:db8:1:2::5", null), ("2001:db8:1:2::9", null), ("2001:db8:1:2:ffff::1", null), ("2001:db8:1:2::7", null));
        var otherNetwork = await StatusesAsync(client, ("2001:db8:1:3::5", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], loopback);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], ipv6);
        Assert.Equal([HttpStatusCode.OK], otherNetwork);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_patient_has_an_allowance_and_a_forged_forwarded_address_changes_nothing()
    {
        using var app = FromPeers(new() { ["RateLimits:ClientBurst"] = "2", ["RateLimits:ClientPerMinute"] = "1", ["Proxies:TrustedNetworks:0"] = "10.0.0.0/8" });
        var client = app.CreateClient();

        var firstPatient = await StatusesAsync(client, ("10.1.2.3", "198.51.100.1"), ("10.1.2.3", "198.51.100.1"), ("10.1.2.3", "198.51.100.1"));
        var secondPatient = await StatusesAsync(client, ("10.1.2.3", "198.51.100.2"));
        var forger = await StatusesAsync(client, ("203.0.113.7", "192.0.2.1"), ("203.0.113.7", "192.0.2.2"), ("203.0.113.7", "192.0.2.3"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstPatient);
        Assert.Equal([HttpStatusCode.OK], secondPatient);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], forger);
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_from_this_machine_changes_nothing_either()
    {
        using var app = FromPeers(new() { ["RateLimits:ClientBurst"] = "2", ["RateLimits:ClientPerMinute"] = "1" });
        var client = app.CreateClient();

        var fromLoopback = await StatusesAsync(client, ("127.0.0.1", "203.0.113.1"), ("127.0.0.1", "203.0.113.2"), ("::1", "203.0.113.3"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], fromLoopback);
    }

    [Fact]
    public async Task Many_addresses_at_once_meet_one_limit_for_all_clients_while_pages_still_load()
    {
        using var app = FromPeers(new() { ["RateLimits:AllClientsBurst"] = "4", ["RateLimits:AllClientsPerMinute"] = "1" });
        var client = app.CreateClient();

        var fiveAddresses = await StatusesAsync(client, ("192.0.2.1", null), ("192.0.2.2", null), ("192.0.2.3", null), ("192.0.2.4", null), ("192.0.2.5", null));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add(PeerHeader, "192.0.2.6");
        var pageStatus = (await client.SendAsync(page)).StatusCode;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], fiveAddresses);
        Assert.Equal(HttpStatusCode.OK, pageStatus);
    }

    private const string PeerHeader = "X-Test-Peer";

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, params (string Peer, string? ForwardedFor)[] requests)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var (peer, forwardedFor) in requests)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
            request.Headers.Add(PeerHeader, peer);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }

    /// <summary>The in-memory test server has no network: each request arrives from the address in its test header.</summary>
    private static ArtBotApplication FromPeers(Dictionary<string, string?> settings) =>
        new(settings, testServices: services => services.AddSingleton<IStartupFilter>(new PeerFromHeader()));

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
