using ArtBot.Knowledge.Embeddings;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Bots;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Clinic;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Turns;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using ArtBot.Bot.Unanswered;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ArtBot.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Bots;

/// <summary>
/// The real bot, resolved from the app's own registrations (<c>AddKnowledge</c>, <c>AddAnswering</c>, <c>AddStorage</c>,
/// <c>AddConsultBooking</c>, <c>AddTurnPipeline</c>) with its database in a temporary SQLite file, behind a Bot Framework
/// <see cref="TestAdapter"/>. What is expensive and unchanging (the encoder, the model, the safety screen, the language
/// detector) is loaded once for all tests; what a test observes (the questions kept for review, the transcript) is recorded.
/// </summary>
public sealed class ConversationHarness : IDisposable
{
    public const string ClinicPhone = "+1 416-555-0100";

    public static readonly KnowledgeBase KnowledgeBase = KnowledgeBaseLoader.Load(KnowledgeFiles.Default);

    private readonly string _folder = Directory.CreateTempSubdirectory("artbot-conversation-").FullName;
    private readonly Dictionary<string, string?> _database;
    private readonly ServiceProvider _services;

    public ConversationHarness(IIntentClassifier? classifier = null, AnsweringOptions? options = null, IConsultRequestStore? store = null, ClinicOptions? clinicOptions = null, TimeProvider? time = null, ISentenceEmbedder? embedder = null)
    {
        _database = TestDatabase.SettingsFor(DatabaseProvider.Sqlite, _folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_database);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["UnansweredQuestions:FilePath"] = Path.Combine(_folder, "unanswered.jsonl") });
        builder.AddKnowledge();
        builder.AddAnswering();
        builder.AddStorage();
        builder.AddConsultBooking();
        builder.AddStaff();
        builder.AddTurnPipeline();
        var services = builder.Services;
        services.AddLogging();
        services.AddSingleton<ArtBot.Bot.Observability.ArtBotMetrics>();
        services.AddSingleton(embedder ?? SharedEmbedder.Instance);
        services.AddSingleton(SharedSafetyScreen.Instance);
        services.AddSingleton(SharedLanguageGate.Instance);
        services.AddSingleton(classifier ?? SharedIntentClassifier.Instance);
        services.AddSingleton(Options.Create(options ?? new AnsweringOptions()));
        services.AddSingleton(Options.Create(clinicOptions ?? new ClinicOptions { PhoneNumber = ClinicPhone }));
        services.AddSingleton<IUnansweredQuestionLog>(UnansweredQuestions);
        services.AddSingleton<IConversationTranscripts>(Transcripts);
        if (store is not null)
        {
            services.AddSingleton(store);
        }
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        _services = services.BuildServiceProvider();
        DatabaseMigration.MigrateAsync(_services.GetRequiredService<IDbContextFactory<ArtBotDbContext>>(), CancellationToken.None).GetAwaiter().GetResult();
        Store = _services.GetRequiredService<IConsultRequestStore>();
        Bot = ActivatorUtilities.CreateInstance<ArtBotHandler>(_services);
    }

    public IConsultRequestStore Store { get; }

    public IReadOnlyList<StoredConsultRequest> StoredRequests => Store.ListAsync(CancellationToken.None).GetAwaiter().GetResult();

    public RecordingUnansweredQuestionLog UnansweredQuestions { get; } = new();

    public RecordingTranscripts Transcripts { get; } = new();

    public ArtBotHandler Bot { get; }

    /// <summary>Messages the bot replaced on screen (the booking form, once sent or set aside), in order.</summary>
    public List<IActivity> Replaced { get; } = [];

    public TestFlow Flow(string channelId = Microsoft.Bot.Connector.Channels.Test) => new(new TestAdapter(channelId).Use(new ReplacementRecorder(Replaced)), Bot);

    public void Dispose()
    {
        _services.Dispose();
        TestDatabase.Delete(_database, _folder);
    }

    public static string Title(string entryId) => KnowledgeBase[entryId].Title;

    public static JToken? ArtBotData(IActivity activity) => ((JObject)activity.ChannelData)["artbot"];

    public static string Text(IActivity activity) => ((IMessageActivity)activity).Text;

    /// <summary>What a reply says it is (<c>channelData.artbot</c>): its kind, the entry it answers with, its safety tier, its booking step, its reference.</summary>
    public static string? Kind(IActivity activity) => ArtBot(activity, "kind");

    public static string? EntryId(IActivity activity) => ArtBot(activity, "id");

    public static string? Tier(IActivity activity) => ArtBot(activity, "tier");

    public static string? Step(IActivity activity) => ArtBot(activity, "step");

    public static string? Reference(IActivity activity) => ArtBot(activity, "reference");

    private static string? ArtBot(IActivity activity, string field) => (string?)ArtBotData(activity)?[field];

    public static IReadOnlyList<string> Buttons(IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions.Select(action => action.Title).ToList() ?? [];

    private sealed class ReplacementRecorder(List<IActivity> replaced) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            turnContext.OnUpdateActivity((_, activity, update) =>
            {
                // A copy: the test adapter finds no such message in its queue and answers with no id, which the SDK writes back.
                var copy = Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(Newtonsoft.Json.JsonConvert.SerializeObject(activity))!;
                lock (replaced)
                {
                    replaced.Add(copy);
                }
                return update();
            });
            return next(cancellationToken);
        }
    }

    public sealed class RecordingUnansweredQuestionLog : IUnansweredQuestionLog
    {
        public List<UnansweredQuestion> Recorded { get; } = [];

        public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
        {
            Recorded.Add(question);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<UnansweredQuestion>> ListAsync(CancellationToken cancellationToken, DateTimeOffset? since = null) =>
            Task.FromResult<IReadOnlyList<UnansweredQuestion>>([.. Recorded.Where(question => since is null || question.AskedAt >= since)]);

        public Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
            Task.FromResult(Recorded.RemoveAll(question => question.ConversationKey == conversationKey));

        public Task<IReadOnlyList<string>> ConversationsThatAskedAsync(string question, DateTimeOffset since, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([.. Recorded.Where(asked => asked.Question == question && asked.AskedAt >= since).Select(asked => asked.ConversationKey).Distinct()]);

        public Task<int> DeleteAskedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            Task.FromResult(Recorded.RemoveAll(question => question.AskedAt < cutoff));
    }

    public sealed class RecordingTranscripts : IConversationTranscripts
    {
        public List<(string ChannelId, string ConversationId)> Erased { get; } = [];

        public Task EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        {
            Erased.Add((channelId, conversationId));
            return Task.CompletedTask;
        }
    }
}
