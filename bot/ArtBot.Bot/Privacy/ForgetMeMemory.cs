namespace ArtBot.Bot.Privacy;

/// <summary>The person asked to be forgotten; the next message confirms or not.</summary>
public sealed class ForgetMeMemory
{
    public bool Requested { get; set; }
}
