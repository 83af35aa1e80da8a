using ArtBot.Bot.KnowledgeLoading;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtBot.Bot.Hosting;

/// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: it can serve people: the knowledge is loaded and the database can be written, with the reason when not.</summary>
public static class ReadinessEndpoints
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<Storage.DatabaseWritableCheck>("database", tags: [ReadyTag])
            .AddCheck<KnowledgeLoadedCheck>("knowledge", tags: [ReadyTag])
            .AddCheck<DailyCountsSavedCheck>("counts", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        }));
    }
}

/// <summary>The knowledge base, the model, the encoder and the safety screen, loaded (and checked against each other) at start-up.</summary>
public sealed class KnowledgeLoadedCheck(KnowledgeWarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp switch
        {
            { IsLoaded: true } => HealthCheckResult.Healthy("The knowledge base, the model and the safety screen are loaded."),
            { Failure: { } failure } => HealthCheckResult.Unhealthy("The knowledge could not be loaded: " + failure.Message),
            _ => HealthCheckResult.Unhealthy("The knowledge base, the model and the safety screen are still loading."),
        });
}

/// <summary>
/// The day's counts (the staff's <c>stats</c>) are being saved. When not, <c>/readyz</c> says since when but stays 200
/// (degraded): patients are still answered and booked, and the counts wait in memory for the next try.
/// </summary>
public sealed class DailyCountsSavedCheck(Observability.TurnCounts counts) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(counts.FailingSince is { } since
            ? HealthCheckResult.Degraded($"The day's counts could not be saved since {since:yyyy-MM-dd HH:mm:ss} UTC; they are kept for the next try.")
            : HealthCheckResult.Healthy("The day's counts are saved."));
}
