namespace ArtBot.Bot.Observability;

/// <summary>
/// Where <c>/metrics</c> is served. Unset (local development): on the bot's own port. Set (<c>Metrics:Port</c>, a live
/// deployment): on that port only, which the deployment keeps inside its network, so visitors cannot read the counts.
/// </summary>
public static class MetricsOptions
{
    public const string PortSetting = "Metrics:Port";

    public const string Path = "/metrics";

    public static int? Port(IConfiguration configuration) => configuration.GetValue<int?>(PortSetting);

    /// <summary>
    /// The addresses the bot already listens on (<c>Urls</c>, else <c>HTTP_PORTS</c> as the .NET images set it, else
    /// ASP.NET Core's default), and the metrics port beside them.
    /// </summary>
    public static string ListenUrls(IConfiguration configuration, int metricsPort)
    {
        var own = configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls
            : configuration[WebHostDefaults.HttpPortsKey] is { Length: > 0 } ports
                ? string.Join(';', ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"http://*:{port}"))
                : "http://localhost:5000";
        return $"{own};http://*:{metricsPort}";
    }

    /// <summary>A scrape: <c>/metrics</c> asked for on the metrics port.</summary>
    public static bool IsScrape(HttpContext context, int metricsPort) =>
        context.Connection.LocalPort == metricsPort && context.Request.Path.StartsWithSegments(Path);
}
