using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using ArtBot.Bot.Tests.Hosting;

namespace ArtBot.Bot.Tests.Hardening;

/// <summary>
/// <c>AllowedHosts</c> refuses requests for other host names, except the platform's health probes, which Azure
/// Container Apps sends with the replica's address as <c>Host</c>; a replica that failed them would restart forever.
/// </summary>
public sealed class HostFilteringTests : IDisposable
{
    private const string ReplicaAddress = "10.244.1.17:3978";

    private readonly ArtBotApplication _app = new(new() { ["AllowedHosts"] = "artbot.clinic.example" });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task The_platforms_probes_pass_with_the_replicas_address_as_host(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(path, ReplicaAddress)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metrics")]
    [InlineData("/healthz/../")]
    public async Task Anything_else_for_a_host_not_allowed_is_refused(string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(path, ReplicaAddress)).StatusCode);
    }

    [Fact]
    public async Task Messages_for_a_host_not_allowed_are_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(ActivityJson.Message("does ART hurt?").ToString()) };
        request.Headers.Host = "evil.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await _app.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_allowed_host_is_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/", "artbot.clinic.example")).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await _app.CreateClient().SendAsync(request);
    }
}

/// <summary>With <c>Metrics:Port</c> set (a live deployment), <c>/metrics</c> is served on that internal port only.</summary>
public sealed class MetricsPortTests : IDisposable
{
    private readonly int _publicPort = FreePort();
    private readonly int _metricsPort = FreePort();
    private readonly ArtBotApplication _app;

    public MetricsPortTests()
    {
        _app = new ArtBotApplication(new() { ["Metrics:Port"] = _metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _app.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, _publicPort);
            kestrel.Listen(IPAddress.Loopback, _metricsPort);
        });
        _app.StartServer();
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Visitors_on_the_public_port_cannot_read_the_metrics()
    {
        using var client = new HttpClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"http://127.0.0.1:{_publicPort}/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{_publicPort}/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_scraper_reads_them_on_the_metrics_port()
    {
        using var client = new HttpClient();
        await client.GetAsync($"http://127.0.0.1:{_publicPort}/healthz");

        var response = await client.GetAsync($"http://127.0.0.1:{_metricsPort}/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://+:3978", null, "http://+:3978;http://*:9464")]
    [InlineData(null, "8080", "http://*:8080;http://*:9464")]
    [InlineData(null, null, "http://localhost:5000;http://*:9464")]
    public void Listens_where_it_would_have_and_on_the_metrics_port_beside(string? urls, string? httpPorts, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["http_ports"] = httpPorts })
            .Build();

        Assert.Equal(expected, ArtBot.Bot.Observability.MetricsOptions.ListenUrls(configuration, 9464));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
