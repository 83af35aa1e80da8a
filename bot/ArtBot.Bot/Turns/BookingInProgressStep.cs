using ArtBot.Bot.Consult;

namespace ArtBot.Bot.Turns;

/// <summary>A message that belongs to the booking: a step's answer, cancel, the form, a yes to the consult offer.</summary>
public sealed class BookingInProgressStep(ConsultFlow consult) : ITurnStep
{
    public Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken) =>
        consult.TryHandleAsync(turn.Context, turn.Encoded, turn.Form, cancellationToken);
}
