namespace ArtBot.Bot.Answering;

/// <summary>Whether a thumbs-down has offered the consult in this conversation: a person who dislikes several answers is offered it once.</summary>
public sealed class ThumbsDownMemory
{
    public bool ConsultOffered { get; set; }
}
