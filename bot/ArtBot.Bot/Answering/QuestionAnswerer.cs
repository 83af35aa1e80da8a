using ArtBot.Bot.Clinic;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Answering;

/// <summary>
/// Turns a message into what the bot says: the article's answer (one topic, or two asked at once), a clinic fact,
/// a "did you mean", the fixed reply for another language, or an honest fallback.
/// </summary>
public sealed class QuestionAnswerer(
    KnowledgeBase knowledgeBase,
    IIntentClassifier classifier,
    LanguageGate languages,
    IOptions<ClinicOptions> clinic,
    OpeningHours openingHours,
    TimeProvider time,
    IOptions<AnsweringOptions> options)
{
    private const int MostTopicsInOneTurn = 3;

    /// <summary>How sure the model must be that a short follow-up is out of scope for the last topic not to apply.</summary>
    private const double ClearlyOutOfScope = 0.8;

    private readonly AnsweringOptions _options = options.Value;

    /// <summary>
    /// Reads a message in its conversation: <paramref name="lastTopic"/> is the article topic answered last, for
    /// follow-ups such as "what about my shoulder?". Returns the replies in order; only the last carries buttons.
    /// A message <see cref="OffTopicGuard"/> declines gets <see cref="Decline"/> instead, before it reaches here.
    /// </summary>
    public IReadOnlyList<Reply> Respond(SentenceEncoding encoded, string? lastTopic)
    {
        var question = encoded.Text;
        // A button click sends the entry's title back: answer it without guessing.
        if (knowledgeBase.TryFindByTitle(question, out var clicked))
        {
            return [AnswerFrom(clicked, confidence: 1.0)];
        }
        if (languages.Recognise(question) is { } language)
        {
            return [InOtherLanguage(language)];
        }
        if (SeveralTopics(question) is { Count: > 1 } topics)
        {
            return Combined(topics);
        }
        var ranking = classifier.Classify(encoded);
        if (lastTopic is not null && FollowUps.Looks(question) && MayFollowUp(ranking.Top) && ReadWith(lastTopic, question) is { } followUp)
        {
            return [AnswerFrom(knowledgeBase[followUp.Intent], followUp.Score)];
        }
        return [FromRanking(ranking)];
    }

    /// <summary>The honest fallback for a message that steers the bot or is gibberish: nothing in it is read as a topic.</summary>
    public Reply Decline() => Fallback(confidence: 0);

    /// <summary>One message on its own, as during a booking: no follow-ups, one topic, read from the turn's encoding.</summary>
    public Reply Answer(SentenceEncoding encoded) =>
        knowledgeBase.TryFindByTitle(encoded.Text, out var clicked) ? AnswerFrom(clicked, confidence: 1.0) : FromRanking(classifier.Classify(encoded));

    public Reply Welcome() => new(ReplyKind.Welcome, TopicList.Expand(knowledgeBase.Document.Welcome.Text, knowledgeBase), WelcomeButtons);

    /// <summary>The main questions, as offered in the welcome: the buttons to show when there is nothing more specific.</summary>
    public IReadOnlyList<string> WelcomeButtons => Titles(knowledgeBase.Document.Welcome.Suggestions);

    public Reply AnswerFrom(KnowledgeEntry entry, double confidence)
    {
        var suggestions = Titles(entry.OfferConsult ? WithConsult(entry.Related) : entry.Related);
        if (entry.ClinicFact is { } fact)
        {
            return new Reply(ReplyKind.Clinic, ClinicFactText(entry, fact), suggestions) { Subject = fact, Confidence = confidence };
        }
        var kind = entry.NotCovered ? ReplyKind.Fallback : ReplyKind.Answer;
        return new Reply(kind, TopicList.Expand(entry.Answer, knowledgeBase), suggestions)
        {
            EntryId = entry.Id,
            Confidence = confidence,
            Source = entry.IsArticleTopic && entry.Passages.Count > 0 ? Cite(entry) : null,
        };
    }

    private Citation Cite(KnowledgeEntry entry)
    {
        var article = knowledgeBase.Document.Source;
        return new Citation(article.Title, entry.Passages, article.Url.Length > 0 ? article.Url : null);
    }

    public Reply Notice(string text) => new(ReplyKind.Notice, text, WelcomeButtons);

    /// <summary>After a thumbs-down: sorry, and the consult, where a physiotherapist or chiropractor can answer properly.</summary>
    public Reply NotHelpful() => new(ReplyKind.Fallback,
        "Sorry that didn't help. A physiotherapist or chiropractor can answer you properly in a free consult: would you like to book one?",
        Titles([KnowledgeBase.ConsultEntryId])) { Subject = "not-helpful" };

    public int MaxMessageLength => _options.MaxMessageLength;

    private Reply FromRanking(IntentRanking ranking)
    {
        var (top, runnerUp) = (ranking.Top, ranking.RunnerUp);
        if (IsArticleTopic(top.Intent) && IsArticleTopic(runnerUp.Intent)
            && top.Score - runnerUp.Score < _options.ClarifyMargin && runnerUp.Score >= _options.ClarifyFloor)
        {
            return Clarify(top, runnerUp);
        }
        return IsConfident(top) && top.Intent != Intent.None ? AnswerFrom(knowledgeBase[top.Intent], top.Score) : Fallback(top.Score);
    }

    /// <summary>The article topics asked in separate parts of the message, each clearly; none when it asks one thing.</summary>
    private List<IntentScore> SeveralTopics(string question)
    {
        var parts = TopicSplitter.Split(question);
        if (parts.Count < 2)
        {
            return [];
        }
        return parts
            .Select(part => classifier.Classify(part).Top)
            .Where(score => IsConfident(score) && IsArticleTopic(score.Intent) && score.Intent != KnowledgeBase.ConsultEntryId)
            .DistinctBy(score => score.Intent)
            .Take(MostTopicsInOneTurn)
            .ToList();
    }

    /// <summary>Each topic's short answer (its first paragraph), in the order asked; the buttons come after the last.</summary>
    private List<Reply> Combined(IReadOnlyList<IntentScore> topics) =>
        topics.Select((topic, index) =>
        {
            var reply = AnswerFrom(knowledgeBase[topic.Intent], topic.Score);
            var shortText = reply.Text.Split("\n\n", 2)[0];
            return index == topics.Count - 1 ? reply with { Text = shortText } : reply with { Text = shortText, SuggestedActions = [] };
        }).ToList();

    /// <summary>
    /// Whether a follow-up-shaped message may need the last topic: not when it names a topic of its own ("does that
    /// hurt?") or is clearly something else ("what about acupuncture?"). It is then read with the last topic, and
    /// answered that way only if that reading is a confident article topic.
    /// </summary>
    private bool MayFollowUp(IntentScore alone) => alone.Intent switch
    {
        Intent.None => alone.Score < ClearlyOutOfScope,
        // "what about my shoulder?" on its own reads like wanting someone to look at it; after an answer it asks about the topic.
        KnowledgeBase.ConsultEntryId => true,
        _ => !IsConfident(alone),
    };

    /// <summary>A follow-up read together with the last topic's question: "what about my shoulder?" after "Which conditions does ART help?".</summary>
    private IntentScore? ReadWith(string lastTopic, string question)
    {
        var top = classifier.Classify($"{knowledgeBase[lastTopic].Title} {question}").Top;
        return IsConfident(top) && IsArticleTopic(top.Intent) ? top : null;
    }

    private Reply InOtherLanguage(OtherLanguage language)
    {
        var phone = clinic.Value.PhoneLink();
        var text = language.Reply.Replace("{clinicPhone}", phone is null ? "" : $" ({phone})", StringComparison.Ordinal);
        return new Reply(ReplyKind.Language, text, [knowledgeBase.ConsultEntry.Title]) { Subject = language.Code };
    }

    private string ClinicFactText(KnowledgeEntry entry, string fact)
    {
        var value = clinic.Value.Fact(fact) ?? (fact == ClinicFacts.Hours && openingHours.IsSet ? openingHours.Describe() : null);
        if (value is not null)
        {
            var text = entry.Answer.Replace(ClinicFacts.Placeholder, fact == ClinicFacts.Phone ? clinic.Value.PhoneLink(withHours: true) : value, StringComparison.Ordinal);
            // Whoever asks for the hours or a person to call is told whether the clinic is open now.
            if (fact is ClinicFacts.Hours or ClinicFacts.Phone && openingHours.NowSentence(time.GetUtcNow()) is { } now)
            {
                text = text.TrimEnd();
                return $"{text}{(text.EndsWith('.') ? "" : ".")} {now}";
            }
            return text;
        }
        var phone = clinic.Value.PhoneLink(withHours: true);
        return (entry.AnswerWithoutFact ?? knowledgeBase.Document.ClinicFactMissing.Text)
            .Replace(ClinicFacts.Placeholder, entry.FactName, StringComparison.Ordinal)
            .Replace("{clinicPhone}", phone is null ? "" : $" You can call the clinic at {phone}.", StringComparison.Ordinal);
    }

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

    private bool IsConfident(IntentScore score) => score.Score >= _options.AnswerThreshold;

    private bool IsArticleTopic(string intent) => intent != Intent.None && knowledgeBase[intent].IsArticleTopic;

    private static IReadOnlyList<string> WithConsult(IReadOnlyList<string> ids) =>
        ids.Contains(KnowledgeBase.ConsultEntryId) ? ids : [.. ids, KnowledgeBase.ConsultEntryId];

    private List<string> Titles(IEnumerable<string> ids) => ids.Select(id => knowledgeBase[id].Title).ToList();
}
