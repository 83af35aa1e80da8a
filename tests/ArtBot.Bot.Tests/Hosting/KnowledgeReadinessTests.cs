using ArtBot.Bot.Hosting;
using ArtBot.Bot.KnowledgeLoading;
using ArtBot.Knowledge.Embeddings;
using ArtBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>The server opens its port while the knowledge loads: until it has, a readiness probe hears "loading", not "ready".</summary>
public sealed class KnowledgeReadinessTests
{
    [Fact]
    public async Task Readiness_says_the_knowledge_is_still_loading_until_it_is_loaded_then_ready()
    {
        using var encoderArrives = new ManualResetEventSlim();
        var builder = Host.CreateApplicationBuilder();
        builder.AddKnowledge();
        // A wrapper the test's host may dispose: the shared encoder itself serves every other test.
        builder.Services.AddSingleton<ISentenceEmbedder>(_ =>
        {
            encoderArrives.Wait(TimeSpan.FromMinutes(1));
            return new NotOwnedEmbedder(SharedEmbedder.Instance);
        });
        builder.Services.AddSingleton(SharedSafetyScreen.Instance);
        using var host = builder.Build();
        var warmUp = host.Services.GetRequiredService<KnowledgeWarmUp>();
        var check = new KnowledgeLoadedCheck(warmUp);

        var whileLoading = await check.CheckHealthAsync(new HealthCheckContext());
        encoderArrives.Set();
        await warmUp.StartedAsync(CancellationToken.None);
        var loaded = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, whileLoading.Status);
        Assert.Contains("still loading", whileLoading.Description);
        Assert.Equal(HealthStatus.Healthy, loaded.Status);
    }

    private sealed class NotOwnedEmbedder(ISentenceEmbedder shared) : ISentenceEmbedder
    {
        public string Name => shared.Name;

        public float[] Embed(string text) => shared.Embed(text);

        public float[][] EmbedMany(IReadOnlyList<string> texts) => shared.EmbedMany(texts);
    }
}
