using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Answering;

/// <summary>Turns a question into a reply: the article's answer, a "did you mean", or an honest fallback.</summary>
public sealed class QuestionAnswerer(KnowledgeBase knowledgeBase, IIntentClassifier classifier, IOptions<AnsweringOptions> options)
{
    private readonly AnsweringOptions _options = options.Value;

    public Reply Answer(string question)
    {
        // A button click sends the entry's title back: answer it without guessing.
        if (knowledgeBase.TryFindByTitle(question, out var clicked))
        {
            return AnswerFrom(clicked, confidence: 1.0);
        }

        var ranking = classifier.Classify(question);
        var (top, runnerUp) = (ranking.Top, ranking.RunnerUp);
        if (IsArticleTopic(top.Intent) && IsArticleTopic(runnerUp.Intent)
            && top.Score - runnerUp.Score < _options.ClarifyMargin && runnerUp.Score >= _options.ClarifyFloor)
        {
            return Clarify(top, runnerUp);
        }
        if (top.Intent != Intent.None && top.Score >= _options.AnswerThreshold)
        {
            return AnswerFrom(knowledgeBase[top.Intent], top.Score);
        }
        return Fallback(top.Score);
    }

    public Reply Welcome() => new(ReplyKind.Welcome, TopicList.Expand(knowledgeBase.Document.Welcome.Text, knowledgeBase), WelcomeButtons);

    /// <summary>The main questions, as offered in the welcome: the buttons to show when there is nothing more specific.</summary>
    public IReadOnlyList<string> WelcomeButtons => Titles(knowledgeBase.Document.Welcome.Suggestions);

    public Reply AnswerFrom(KnowledgeEntry entry, double confidence)
    {
        var suggestions = entry.OfferConsult ? WithConsult(entry.Related) : entry.Related;
        return new Reply(ReplyKind.Answer, TopicList.Expand(entry.Answer, knowledgeBase), Titles(suggestions))
        {
            EntryId = entry.Id,
            Confidence = confidence,
        };
    }

    public Reply Notice(string text) => new(ReplyKind.Notice, text, WelcomeButtons);

    public int MaxMessageLength => _options.MaxMessageLength;

    private Reply Clarify(IntentScore top, IntentScore runnerUp) =>
        new(ReplyKind.Clarify, knowledgeBase.Document.Clarify.Text, Titles([top.Intent, runnerUp.Intent]))
        {
            EntryId = top.Intent,
            Confidence = top.Score,
        };

    private Reply Fallback(double confidence)
    {
        var suggestions = WithConsult(knowledgeBase.Document.Fallback.Suggestions);
        return new Reply(ReplyKind.Fallback, TopicList.Expand(knowledgeBase.Document.Fallback.Text, knowledgeBase), Titles(suggestions))
        {
            Confidence = confidence,
        };
    }

    private bool IsArticleTopic(string intent) => intent != Intent.None && !knowledgeBase[intent].SmallTalk;

    private static IReadOnlyList<string> WithConsult(IReadOnlyList<string> ids) =>
        ids.Contains(KnowledgeBase.ConsultEntryId) ? ids : [.. ids, KnowledgeBase.ConsultEntryId];

    private List<string> Titles(IEnumerable<string> ids) => ids.Select(id => knowledgeBase[id].Title).ToList();
}
