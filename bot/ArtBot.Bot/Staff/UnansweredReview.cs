using ArtBot.Bot.Answering;
using ArtBot.Bot.Unanswered;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>
/// The <c>unanswered</c> command: what the bot could not answer in the last week, most asked first, similar wordings
/// together (scrubbed of names and contact details when they were recorded). Each has "Teach as…": pick the topic it
/// was about and it is kept for <c>training -- merge-reviewed</c>, so the next model answers it. A long review comes in
/// pages (<see cref="UnansweredPages"/>), each with a "More" button for the next (<c>unanswered 2</c>, typed, does the same).
/// </summary>
public sealed class UnansweredReview(
    IUnansweredQuestionLog questions, IReviewedUtterances reviewed, ISentenceEmbedder embedder, KnowledgeBase knowledgeBase, StaffIdentity identity, TimeProvider time)
{
    public const string TeachVerb = "unanswered/teach";
    public const string OutOfScope = "none";
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);
    public const string Command = "unanswered";
    private const int MaxGroups = 100;
    private const int ShownQuestionLength = 300;
    private const int ShownVariantLength = 100;

    /// <summary>Page <paramref name="pageNumber"/> of the review (the last one if there are fewer), each page one message.</summary>
    public async Task<Reply> ListAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var recent = await questions.ListAsync(cancellationToken, since: time.GetUtcNow() - Period);
        var groups = QuestionGroups.Of([.. recent.Select(question => (question.Question, question.ConversationKey))], embedder, MaxGroups);
        if (groups.Count == 0)
        {
            return new Reply(ReplyKind.Staff, "Every question in the last 7 days was answered from the article.", []) { Subject = "unanswered" };
        }
        var elements = groups.Select(GroupElements).ToList();
        var pages = UnansweredPages.Split(elements);
        var page = pages[Math.Clamp(pageNumber, 1, pages.Count) - 1];
        var body = new JArray(elements.Skip(page.First).Take(page.Count).SelectMany(group => group));
        var actions = page.Number < pages.Count ? new JArray { MoreButton(pages[page.Number], groups.Count) } : null;
        var shown = pages.Count == 1 ? "" : $"; showing {Range(page)} of {groups.Count} groups";
        return new Reply(ReplyKind.Staff, $"Not answered in the last 7 days, most asked first ({recent.Count} questions{shown}):", [])
        {
            Subject = "unanswered",
            Attachments = [StaffCard.Attachment(StaffCard.Of(body, actions))],
        };
    }

    /// <summary>Teams posts the command for the person, so "More" works like typing it, in a chat or a channel.</summary>
    private static JObject MoreButton(UnansweredPages.Page next, int groups) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = $"More: {Range(next)} of {groups}",
        ["data"] = new JObject { ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = $"{Command} {next.Number}" } },
    };

    private static string Range(UnansweredPages.Page page) =>
        page.Count == 1 ? $"{page.First + 1}" : $"{page.First + 1}–{page.First + page.Count}";

    /// <summary>
    /// One group: how often, the wording shown (shortened, so a page holds several), other wordings, and Teach, which
    /// carries the question whole, as it is taught.
    /// </summary>
    private JArray GroupElements(QuestionGroups.Group group, int index)
    {
        var elements = new JArray
        {
            new JObject { ["type"] = "TextBlock", ["wrap"] = true, ["separator"] = index > 0, ["text"] = $"**{group.Count}×** {MarkdownText.Escape(ShortText.Cut(group.Representative, ShownQuestionLength))}" },
        };
        if (group.Variants.Count > 0)
        {
            var variants = group.Variants.Take(3).Select(variant => ShortText.Cut(variant, ShownVariantLength));
            elements.Add(new JObject { ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true, ["spacing"] = "None", ["text"] = "Also: " + MarkdownText.Escape(string.Join(" · ", variants)) });
        }
        elements.Add(new JObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = $"intent-{index}",
            ["style"] = "compact",
            ["placeholder"] = "Teach as…",
            ["choices"] = new JArray(Topics().Select(topic => new JObject { ["title"] = topic.Title, ["value"] = topic.Id })),
        });
        elements.Add(new JObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JArray { new JObject { ["type"] = "Action.Execute", ["title"] = "Teach", ["verb"] = TeachVerb, ["data"] = new JObject { ["question"] = group.Representative, ["input"] = $"intent-{index}" } } },
        });
        return elements;
    }

    /// <summary>A press on Teach: keeps the question under the chosen topic.</summary>
    public async Task<AdaptiveCardInvokeResponse> TeachAsync(ITurnContext turnContext, JObject data, CancellationToken cancellationToken)
    {
        if (!await identity.IsStaffAsync(turnContext, cancellationToken))
        {
            return StaffCard.Answer(TicketActions.NotStaff);
        }
        var question = (string?)data["question"];
        // The card's inputs come back with the press, each under its own id; the button names the one beside it.
        var intent = (string?)data[(string?)data["input"] ?? ""];
        var topic = Topics().FirstOrDefault(topic => topic.Id == intent);
        if (string.IsNullOrWhiteSpace(question) || topic.Id is null)
        {
            return StaffCard.Answer("Pick the topic the question was about first, then press Teach.");
        }
        var askedIn = await questions.ConversationsThatAskedAsync(question, time.GetUtcNow() - Period, cancellationToken);
        var added = await reviewed.AddAsync(topic.Id, question, StaffIdentity.NameOf(turnContext), askedIn, cancellationToken);
        return StaffCard.Answer(added
            ? $"Thanks: \"{question}\" will be taught as \"{topic.Title}\" at the next training."
            : $"\"{question}\" was already taught as \"{topic.Title}\".");
    }

    /// <summary>The article's and the clinic's topics, and "not for ArtBot".</summary>
    private IEnumerable<(string Id, string Title)> Topics() =>
        knowledgeBase.Entries.Select(entry => (entry.Id, entry.Title)).Append((OutOfScope, "Not for ArtBot (out of scope)"));
}
