using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Primitives;

namespace ArtBot.Bot.Hardening;

/// <summary>
/// <c>AllowedHosts</c>, applied to every request except the platform's own: Azure Container Apps probes
/// <c>/healthz</c> and <c>/readyz</c> with the replica's address as <c>Host</c> (<c>10.244.1.17:3978</c>), and a
/// Prometheus scraper inside the environment reaches the metrics port the same way. Those answer nothing a visitor
/// could misuse; everything else is refused with 400 unless its <c>Host</c> is listed.
/// </summary>
public static class HostFiltering
{
    public static readonly string[] ProbePaths = ["/healthz", "/readyz"];

    /// <summary>Replaces ASP.NET Core's own host filtering, which cannot leave paths out, with <see cref="UseHostFilteringExceptProbes"/>.</summary>
    public static IHostApplicationBuilder AddHostFilteringExceptProbes(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        return builder;
    }

    public static WebApplication UseHostFilteringExceptProbes(this WebApplication app)
    {
        var allowed = (app.Configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host => new StringSegment(host))
            .ToList();
        if (allowed.Count == 0 || allowed.Any(host => host == "*"))
        {
            return app;
        }
        var metricsPort = Observability.MetricsOptions.Port(app.Configuration);
        app.Use(async (context, next) =>
        {
            if (IsPlatformRequest(context, metricsPort) || HostString.MatchesAny(context.Request.Host.Host, allowed))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        });
        return app;
    }

    private static bool IsPlatformRequest(HttpContext context, int? metricsPort) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && (ProbePaths.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase)
            || (metricsPort is { } port && Observability.MetricsOptions.IsScrape(context, port)));
}
