using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Turns;
using ArtBot.Knowledge.Embeddings;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Bots;

/// <summary>
/// Where every activity arrives: a message is read once (<see cref="MessageTurn"/>) and handed to the steps of
/// <see cref="TurnPipeline"/>; the other activities (the bot added to a team, Web Chat's join, a vote, a staff card's
/// button) go straight to the feature they belong to. The conversation's state is saved once, when the turn ends.
/// </summary>
public sealed class ArtBotHandler(
    QuestionAnswerer answerer,
    SafetyCheck safety,
    TurnPipeline pipeline,
    Staff.StaffChannelCapture staffChannel,
    Staff.TicketActions ticketActions,
    Staff.UnansweredReview unansweredReview,
    AnswerFeedback feedback,
    ConversationMemory memory,
    ISentenceEmbedder embedder) : TeamsActivityHandler
{
    /// <summary>The event Web Chat's page sends when it connects, so the welcome shows before the visitor types.</summary>
    public const string WebChatJoinEvent = "webchat/join";

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await memory.SaveAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id == turnContext.Activity.Recipient?.Id) && await staffChannel.TryCaptureAsync(turnContext, cancellationToken))
        {
            return;
        }
        if (membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }
    }

    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        await staffChannel.TryCaptureAsync(turnContext, cancellationToken);

    /// <summary>A press on a staff card: a ticket's Claim, Mark contacted, Close, Reopen, Open; or Teach on the unanswered list.</summary>
    protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        invokeValue.Action?.Verb == Staff.UnansweredReview.TeachVerb
            ? unansweredReview.TeachAsync(turnContext, invokeValue.Action.Data as JObject ?? JObject.FromObject(invokeValue.Action.Data ?? new JObject()), cancellationToken)
            : ticketActions.HandleAsync(turnContext, invokeValue, cancellationToken);

    protected override async Task OnEventActivityAsync(ITurnContext<IEventActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == WebChatJoinEvent)
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }
        else if (turnContext.Activity.Name == AnswerFeedback.EventName && feedback.Record(turnContext.Activity) == false)
        {
            await OfferConsultAfterThumbsDownAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>
    /// A vote with Teams' own thumbs on an answer; Teams wants 200 and an empty object back, whatever the vote, and no
    /// message after it (Teams' feedback loop has its own thanks), so a thumbs-down is counted and nothing is sent.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name != AnswerFeedback.TeamsInvokeName)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }
        await feedback.RecordAsync(turnContext, cancellationToken);
        return new InvokeResponse { Status = (int)System.Net.HttpStatusCode.OK, Body = new JObject() };
    }

    /// <summary>The article did not help, so a person may: offered once per conversation, however many answers are disliked.</summary>
    private async Task OfferConsultAfterThumbsDownAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var thumbsDown = await memory.GetAsync<ThumbsDownMemory>(turnContext, cancellationToken);
        if (thumbsDown.ConsultOffered)
        {
            return;
        }
        thumbsDown.ConsultOffered = true;
        await turnContext.SendActivityAsync(ReplyActivities.ToActivity(answerer.NotHelpful(), turnContext.Activity.ChannelId), cancellationToken);
        (await memory.GetAsync<ConsultOffer>(turnContext, cancellationToken)).Open = true;
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var welcome = await memory.GetAsync<WelcomeMemory>(turnContext, cancellationToken);
        if (!welcome.Welcomed)
        {
            welcome.Welcomed = true;
            await turnContext.SendActivityAsync(ReplyActivities.ToActivity(answerer.Welcome(), turnContext.Activity.ChannelId), cancellationToken);
        }
    }

    /// <summary>Every message goes through the same steps, in the order <see cref="TurnPipeline"/> lists them.</summary>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var question = QuestionText(turnContext.Activity);
        var form = ConsultForm.TryRead(turnContext.Activity.Value, out var submission) ? submission : null;
        // The booking form's "what hurts" is screened with the message: red flags can be typed there too.
        var encoded = new SentenceEncoding(question, embedder);
        var verdict = safety.Screen(form is null ? question : $"{question} {form.Concern}", encoded);
        await pipeline.HandleAsync(new MessageTurn(turnContext, encoded, form, verdict), cancellationToken);
    }

    /// <summary>
    /// The message text without the bot's own @mention, which starts every message in a Teams channel.
    /// (The SDK's RemoveRecipientMention throws on a mention entity that names no one, and its GetMentions reads only
    /// mentions that arrived as JSON, not ones built in code as a Teams adapter or a test does.)
    /// </summary>
    private static string QuestionText(IMessageActivity activity)
    {
        // As the person sees it, for every step: the screen, the classifier, the booking and what is stored.
        var text = Knowledge.VisibleText.Of(activity.Text ?? "");
        foreach (var mention in (activity.Entities ?? []).OfType<Mention>().Concat(activity.GetMentions()))
        {
            if (mention.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(Knowledge.VisibleText.Of(mention.Text), "", StringComparison.OrdinalIgnoreCase);
            }
        }
        return text.Trim();
    }
}
