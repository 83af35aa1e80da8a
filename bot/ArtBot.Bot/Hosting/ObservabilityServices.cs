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
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        if (MetricsOptions.Port(builder.Configuration) is { } metricsPort)
        {
            builder.WebHost.UseUrls(MetricsOptions.ListenUrls(builder.Configuration, metricsPort));
        }
        builder.Services.AddSingleton<ArtBotMetrics>();
        builder.Services.AddSingleton<TurnMetrics>();
        // TurnCounts (the day's counts, kept by AddStorage) adds what it counted to the database in the background.
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

    /// <summary><c>/metrics</c>, on <see cref="MetricsOptions.PortSetting"/> only when it is set: anywhere else it is not found.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (MetricsOptions.Port(app.Configuration) is { } metricsPort)
        {
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments(MetricsOptions.Path) && !MetricsOptions.IsScrape(context, metricsPort),
                elsewhere => elsewhere.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }));
        }
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path);
        return app;
    }
}
