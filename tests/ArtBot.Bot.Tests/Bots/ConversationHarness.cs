using ArtBot.Bot.Storage.Sqlite;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Bots;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Clinic;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Safety;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Storage;
using ArtBot.Bot.Unanswered;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;
using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Bots;

/// <summary>
/// The real bot, knowledge base, model, consult store and state store (in a temporary SQLite file) behind a
/// Bot Framework <see cref="TestAdapter"/>.
/// </summary>
public sealed class ConversationHarness : IDisposable
{
    public const string ClinicPhone = "+1 416-555-0100";

    public static readonly KnowledgeBase KnowledgeBase = KnowledgeBaseLoader.Load(KnowledgeFiles.Default);
    private static readonly Lazy<SafetyScreen> Safety = new(() => SafetyScreen.Load(KnowledgeFiles.Default, SharedEmbedder.Instance));
    private static readonly Lazy<IntentClassifier> TrainedClassifier = new(() => IntentClassifier.Load(KnowledgeFiles.Default.Model, SharedEmbedder.Instance));
    private static readonly Lazy<LanguageGate> Languages = new(() => LanguageGate.Load(KnowledgeFiles.Default));

    private readonly TemporaryDatabase _database = new();

    public ConversationHarness(IIntentClassifier? classifier = null, AnsweringOptions? options = null, IConsultRequestStore? store = null, ClinicOptions? clinicOptions = null)
    {
        var clinic = Options.Create(clinicOptions ?? new ClinicOptions { PhoneNumber = ClinicPhone });
        var answerer = new QuestionAnswerer(KnowledgeBase, classifier ?? TrainedClassifier.Value, Languages.Value, clinic, Options.Create(options ?? new AnsweringOptions()));
        Store = store ?? new SqliteConsultRequestStore(_database.Database);
        var state = new ConversationState(new SqliteBotStorage(_database.Database));
        var consult = new ConsultFlow(state, answerer, KnowledgeBase, Store, clinic, TimeProvider.System, NullLogger<ConsultFlow>.Instance);
        var forgetMe = new ForgetMe(state, Store, consult, Transcripts, UnansweredQuestions, NullLogger<ForgetMe>.Instance);
        Bot = new FaqBot(answerer, Safety.Value, new SafetyReplies(KnowledgeBase, clinic), forgetMe, consult, state, UnansweredQuestions, NullLogger<FaqBot>.Instance);
    }

    public IConsultRequestStore Store { get; }

    public IReadOnlyList<StoredConsultRequest> StoredRequests => Store.ListAsync(CancellationToken.None).GetAwaiter().GetResult();

    public RecordingUnansweredQuestionLog UnansweredQuestions { get; } = new();

    public RecordingTranscripts Transcripts { get; } = new();

    public FaqBot Bot { get; }

    public TestFlow Flow(string channelId = Microsoft.Bot.Connector.Channels.Test) => new(new TestAdapter(channelId), Bot);

    public void Dispose() => _database.Dispose();

    public static string Title(string entryId) => KnowledgeBase[entryId].Title;

    public static JToken? ArtBotData(IActivity activity) => ((JObject)activity.ChannelData)["artbot"];

    public static string Text(IActivity activity) => ((IMessageActivity)activity).Text;

    public static string? Step(IActivity activity) => (string?)ArtBotData(activity)?["step"];

    public static IReadOnlyList<string> Buttons(IActivity activity) =>
        ((IMessageActivity)activity).SuggestedActions?.Actions.Select(action => action.Title).ToList() ?? [];

    public sealed class RecordingUnansweredQuestionLog : IUnansweredQuestionLog
    {
        public List<UnansweredQuestion> Recorded { get; } = [];

        public Task RecordAsync(UnansweredQuestion question, CancellationToken cancellationToken)
        {
            Recorded.Add(question);
            return Task.CompletedTask;
        }

        public Task<int> ForgetConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
            Task.FromResult(Recorded.RemoveAll(question => question.ConversationKey == conversationKey));
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
