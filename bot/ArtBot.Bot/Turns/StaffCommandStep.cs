using ArtBot.Bot.Staff;

namespace ArtBot.Bot.Turns;

/// <summary>Staff commands in Teams (<c>consults</c>, <c>consult ART-7Q2K</c>…), refused politely to anyone else.</summary>
public sealed class StaffCommandStep(StaffCommands commands) : ITurnStep
{
    public Task<bool> TryHandleAsync(MessageTurn turn, CancellationToken cancellationToken) =>
        commands.TryHandleAsync(turn.Context, turn.Question, cancellationToken);
}
