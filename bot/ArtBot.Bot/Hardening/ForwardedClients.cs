using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// Behind a reverse proxy (Caddy in compose, Container Apps' ingress) every request arrives from the proxy, and
/// <c>X-Forwarded-For</c> names the patient. Only a proxy in <c>Proxies:TrustedNetworks</c> may say so: from anyone
/// else the header is ignored, or a visitor could name a new address on each request and never be limited.
/// </summary>
public static class ForwardedClients
{
    public static IHostApplicationBuilder AddForwardedClients(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(options => options.TrustedNetworks.All(network => IPNetwork.TryParse(network, out _)),
                $"{ProxyOptions.Section}:{nameof(ProxyOptions.TrustedNetworks)} must list networks such as 10.0.0.0/8 or 172.28.0.0/16")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            // ASP.NET Core believes loopback by default, and everyone when its lists are empty: only the proxies the
            // settings name may speak for a visitor, and with none named the headers are not read at all.
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list still holds the loopback default.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            forwarded.KnownProxies.Clear();
            foreach (var network in proxies.Value.TrustedNetworks)
            {
                if (IPNetwork.TryParse(network, out var parsed))
                {
                    forwarded.KnownIPNetworks.Add(parsed);
                }
            }
            forwarded.ForwardedHeaders = forwarded.KnownIPNetworks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The address the trusted proxy saw, not what the visitor wrote in front of it.
            forwarded.ForwardLimit = 1;
        });
        return builder;
    }

    public static WebApplication UseForwardedClients(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// Whose allowance a request spends: one per IPv4 address, one per IPv6 /64 (what one household or phone is
    /// given), and one for the whole loopback range (127.0.0.2 and 127.9.9.9 are the same machine).
    /// </summary>
    public static string AllowanceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}

public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    /// <summary>The networks of the reverse proxies in front of the bot, whose <c>X-Forwarded-For</c> is believed; empty: none.</summary>
    public List<string> TrustedNetworks { get; set; } = [];
}
