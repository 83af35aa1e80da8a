using ArtBot.Bot.Hardening;
using ArtBot.Bot.Hosting;
using ArtBot.Bot.Observability;

namespace ArtBot.Bot.Turns;

/// <summary>
/// The order of a turn, in one place (this file). Every activity passes through <see cref="TurnMiddleware"/> first, in this order:
/// 1. metrics (the whole turn is measured, refusals included);
/// 2. the conversation's rate limit;
/// 3. the turn gate (one turn of a conversation at a time);
/// 4. the stale-turn retry (a turn that lost a race for the conversation's state is run again, its replies held);
/// 5. Teams: buttons on a card in channels, and Teams' own thumbs on answers (after 4, so it sees each answer as Teams
///    receives it, with the id Teams gave it).
/// Then <see cref="Bots.ArtBotHandler"/> reads a message once (<see cref="MessageTurn"/>), and the first step that handles it
/// ends the turn:
/// 1. red flags (emergency, self-harm, urgent): before anything else, the booking included;
/// 2. "forget me" and its confirmation;
/// 3. staff commands (Teams, the staff tenant; refused politely elsewhere);
/// 4. "start over" (a booking in progress set aside, the welcome again);
/// 5. the booking in progress (an answer to its question, cancel, the form);
/// 6. a request for a personal assessment;
/// 7. messages that cannot be read (no text, too long);
/// 8. the answer: the article, a clinic fact, another language, or the fallback.
/// The conversation's state is saved once, when the turn ends.
/// </summary>
public sealed class TurnPipeline(
    RedFlagStep redFlags,
    ForgetMeStep forgetMe,
    StaffCommandStep staffCommands,
    StartOverStep startOver,
    BookingInProgressStep booking,
    AssessmentStep assessment,
    UnreadableMessageStep unreadable,
    AnsweringStep answering)
{
    public IReadOnlyList<ITurnStep> Steps { get; } = [redFlags, forgetMe, staffCommands, startOver, booking, assessment, unreadable, answering];

    public async Task HandleAsync(MessageTurn turn, CancellationToken cancellationToken)
    {
        foreach (var step in Steps)
        {
            if (await step.TryHandleAsync(turn, cancellationToken))
            {
                return;
            }
        }
    }
}

/// <summary>The middleware of <see cref="TurnPipeline"/>'s first list, in its order; the adapter uses them as listed.</summary>
public sealed class TurnMiddleware(
    TurnMetrics metrics,
    ConversationRateLimit rateLimit,
    ConversationTurnGate turnGate,
    StaleTurnRetry staleTurnRetry,
    TeamsChannelButtons teamsChannelButtons,
    TeamsFeedbackLoop teamsFeedbackLoop)
{
    public IReadOnlyList<Microsoft.Bot.Builder.IMiddleware> InOrder { get; } = [metrics, rateLimit, turnGate, staleTurnRetry, teamsChannelButtons, teamsFeedbackLoop];
}
