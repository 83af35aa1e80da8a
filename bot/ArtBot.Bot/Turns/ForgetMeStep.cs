using ArtBot.Bot.Privacy;

namespace ArtBot.Bot.Turns;

/// <summary>"Forget me" / "delete my data", and the yes or no that follows.</summary>
public sealed class ForgetMeStep(ForgetMe forgetMe) : ITurnStep
{
    public Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken) =>
        forgetMe.TryHandleAsync(turn.Context, turn.Question, cancellationToken);
}
