namespace ArtBot.Bot.Turns;

/// <summary>
/// The order in which a message is handled, in one place. The first step that handles it ends the turn:
/// 1. red flags (emergency, self-harm, urgent): before anything else, the booking included;
/// 2. "forget me" and its confirmation;
/// 3. staff commands (Teams, the staff tenant; refused politely elsewhere);
/// 4. the booking in progress (an answer to its question, cancel, the form);
/// 5. a request for a personal assessment;
/// 6. messages that cannot be read (no text, too long);
/// 7. the answer: the article, a clinic fact, another language, or the fallback.
/// </summary>
public sealed class TurnPipeline(
    RedFlagStep redFlags,
    ForgetMeStep forgetMe,
    StaffCommandStep staffCommands,
    BookingInProgressStep booking,
    AssessmentStep assessment,
    UnreadableMessageStep unreadable,
    AnsweringStep answering)
{
    public IReadOnlyList<ITurnStep> Steps { get; } = [redFlags, forgetMe, staffCommands, booking, assessment, unreadable, answering];

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
