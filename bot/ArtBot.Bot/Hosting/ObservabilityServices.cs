using Microsoft.Extensions.DependencyInjection.Extensions;
using ArtBot.Bot.Observability;
using OpenTelemetry.Metrics;

namespace ArtBot.Bot.Hosting;

public static class ObservabilityServices
{
    /// <summary>
    /// OpenTelemetry metrics: ArtBot's own (turns, answers, bookings, store errors) and ASP.NET Core's, served as
    /// Prometheus text at <c>/metrics</c>, and pushed over OTLP too when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArtBotMetrics>();
        builder.Services.AddSingleton<TurnMetrics>();
        builder.Services.TryAddSingleton<TurnCounts>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TurnCounts>());
        builder.Services.AddOpenTelemetry().WithMetrics(meters =>
        {
            meters.AddMeter(ArtBotMetrics.MeterName).AddAspNetCoreInstrumentation().AddPrometheusExporter();
            if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            {
                meters.AddOtlpExporter();
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
