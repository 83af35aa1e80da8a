using System.Net;
using System.Text.RegularExpressions;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> serves Prometheus text: how turns end and how long they take, what was answered, how bookings go.
/// Run alone: OpenTelemetry listens to every meter of that name in the process, so other tests' apps would add to the counts.
/// </summary>
[Collection(nameof(MetricsEndpointTests))]
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly ArtBotApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Counts_answers_by_topic_turns_by_outcome_and_bookings_started()
    {
        var client = _app.CreateClient();
        var chat = new BotConversationClient(client, "metrics-" + Guid.NewGuid().ToString("N"));
        await chat.SayAsync("does ART hurt?");
        await chat.SayAsync("what's the weather like in Toronto");
        await chat.SayAsync("Book a free consult");

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(new Regex(@"artbot_answers_total\{[^}]*artbot_topic=""is-it-painful""[^}]*\} 1"), text);
        Assert.Matches(new Regex(@"artbot_turn_duration_seconds_count\{[^}]*artbot_outcome=""answer""[^}]*\} 1"), text);
        Assert.Matches(new Regex(@"artbot_turn_duration_seconds_count\{[^}]*artbot_outcome=""fallback""[^}]*\} 1"), text);
        Assert.Matches(new Regex(@"artbot_bookings_total\{[^}]*artbot_booking_event=""started""[^}]*\} 1"), text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task A_booking_confirmed_twice_is_counted_once_as_completed()
    {
        var client = _app.CreateClient();
        var chat = new BotConversationClient(client, "metrics-twice-" + Guid.NewGuid().ToString("N"));
        await chat.SayAsync("Book a free consult");
        foreach (var answer in new[] { "Priya Raman", "647 555 0142", "Online (video)", "Evening", "Left knee swells after running", "Yes, I agree" })
        {
            await chat.SayAsync(answer);
        }

        var first = (await chat.SayAsync("Confirm")).Single();
        var second = (await chat.SayAsync("Confirm")).Single();
        var text = await client.GetStringAsync("/metrics");

        Assert.Equal("booked", BotConversationClient.Step(first));
        Assert.Equal("already-booked", BotConversationClient.Step(second));
        Assert.Matches(new Regex(@"artbot_bookings_total\{[^}]*artbot_booking_event=""completed""[^}]*\} 1\b"), text);
    }

    [Fact]
    public async Task A_safety_layer_that_cannot_read_a_message_is_counted_and_logged_and_the_person_still_gets_their_answer()
    {
        var encoder = new FailingEmbedder(SharedEmbedder.Instance);
        var screen = SafetyScreen.Load(KnowledgeFiles.Default, encoder);
        encoder.Failing = true;
        using var app = new ArtBotApplication(testServices: services => services.AddSingleton(screen));
        var client = app.CreateClient();
        var chat = new BotConversationClient(client, "layer-" + Guid.NewGuid().ToString("N"));

        // The turn encodes the whole message itself; the screen's broken encoder is asked for its sentences.
        var replies = await chat.SayAsync("My knee is sore after running. Does ART hurt?");
        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal("answer", (string?)replies[0]["channelData"]?["artbot"]?["kind"]);
        Assert.Matches(new Regex(@"artbot_safety_layer_failures_total\{[^}]*artbot_safety_layer=""meaning""[^}]*\} 1"), text);
        Assert.Contains(app.Logs.Entries, line => line.Contains("safety screen's meaning layer could not read a message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shows_how_many_phrase_rules_went_back_to_the_interpreter_and_none_of_the_shipped_ones_has()
    {
        using var app = new ArtBotApplication();
        var client = app.CreateClient();
        await new BotConversationClient(client, "fallbacks-" + Guid.NewGuid().ToString("N")).SayAsync("does ART hurt?");

        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Matches(new Regex(@"(?m)^artbot_safety_rules_compiled_fallbacks_total(\{[^}]*\})? 0( |$)"), text);
    }

    [Fact]
    public async Task Counts_that_cannot_be_saved_are_counted_shown_in_readyz_and_saved_once_the_database_takes_them()
    {
        var store = new RefusingDailyCounts();
        using var app = new ArtBotApplication(testServices: services => services.AddSingleton<Observability.IDailyCounts>(store));
        var client = app.CreateClient();
        await new BotConversationClient(client, "counts-" + Guid.NewGuid().ToString("N")).SayAsync("does ART hurt?");
        var counts = app.Services.GetRequiredService<Observability.TurnCounts>();

        await counts.FlushAsync(CancellationToken.None);
        var whileRefused = await client.GetAsync("/readyz");
        var readiness = Newtonsoft.Json.Linq.JObject.Parse(await whileRefused.Content.ReadAsStringAsync());
        var metrics = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        store.Refusing = false;
        await counts.FlushAsync(CancellationToken.None);
        var afterwards = Newtonsoft.Json.Linq.JObject.Parse(await (await client.GetAsync("/readyz")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, whileRefused.StatusCode);
        Assert.Equal("Degraded", (string?)readiness["checks"]!["counts"]!["status"]);
        Assert.Contains("could not be saved", (string?)readiness["checks"]!["counts"]!["description"]);
        Assert.Matches(new Regex(@"artbot_counts_save_failures_total(\{[^}]*\})? 1\b"), metrics);
        Assert.Equal("Healthy", (string?)afterwards["checks"]!["counts"]!["status"]);
        Assert.Equal(1, store.Saved.Single(count => count.Key.Metric == Observability.TurnCounts.Turns).Value);
    }

    private sealed class RefusingDailyCounts : Observability.IDailyCounts
    {
        public bool Refusing { get; set; } = true;

        public List<KeyValuePair<Observability.DailyCountKey, long>> Saved { get; } = [];

        public Task AddAsync(IReadOnlyDictionary<Observability.DailyCountKey, long> counts, CancellationToken cancellationToken)
        {
            if (Refusing)
            {
                throw new InvalidOperationException("disk full");
            }
            Saved.AddRange(counts);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyDictionary<Observability.DailyCountKey, long>> SinceAsync(DateOnly from, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<Observability.DailyCountKey, long>>(new Dictionary<Observability.DailyCountKey, long>());

        public Task<int> DeleteBeforeAsync(DateOnly day, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}

[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
public sealed class MetricsRunAlone;
