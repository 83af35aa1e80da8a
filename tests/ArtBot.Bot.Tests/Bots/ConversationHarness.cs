using ArtBot.Bot.Answering;
using ArtBot.Bot.Bots;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Unanswered;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Bots;

/// <summary>The real bot, knowledge base and model behind a Bot Framework <see cref="TestAdapter"/>.</summary>
public sealed class ConversationHarness
{
    public static readonly KnowledgeBase KnowledgeBase = KnowledgeBaseLoader.Load(KnowledgeFiles.Default);
    private static readonly Lazy<IntentClassifier> TrainedClassifier = new(() => IntentClassifier.Load(KnowledgeFiles.Default.Model));

    public ConversationHarness(IIntentClassifier? classifier = null, AnsweringOptions? options = null)
    {
        var answerer = new QuestionAnswerer(KnowledgeBase, classifier ?? TrainedClassifier.Value, Options.Create(options ?? new AnsweringOptions()));
        Bot = new FaqBot(answerer, new ConsultInformation(answerer, KnowledgeBase), UnansweredQuestions, NullLogger<FaqBot>.Instance);
    }

    public RecordingUnansweredQuestionLog UnansweredQuestions { get; } = new();

    public FaqBot Bot { get; }

    public TestFlow Flow() => new(new TestAdapter(), Bot);

    public static string Title(string entryId) => KnowledgeBase[entryId].Title;

    public static JToken? ArtBotData(IActivity activity) => ((JObject)activity.ChannelData)["artbot"];

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
    }
}
