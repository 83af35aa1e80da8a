namespace ArtBot.Bot.Turns;

/// <summary>One step of handling a message (<see cref="TurnPipeline"/>): it replies and returns true, or leaves the message to the next step.</summary>
public interface ITurnStep
{
    Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken);
}
