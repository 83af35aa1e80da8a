namespace ArtBot.Bot.Observability;

/// <summary>
/// Where <c>/metrics</c> is served. Unset (local development): on the bot's own port. Set (<c>Metrics:Port</c>, a live
/// deployment): on that port only, which the deployment keeps inside its network, so visitors cannot read the counts.
/// </summary>
public static class MetricsOptions
{
    public const string PortSetting = "Metrics:Port";

    public const string Path = "/metrics";
}
