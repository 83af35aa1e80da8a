using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Answering;

public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>The least probability at which the best intent is answered.</summary>
    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = 0.5;

    /// <summary>When the two best article topics are closer than this, the bot asks which one was meant.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyMargin { get; set; } = 0.15;

    /// <summary>The least probability the second topic needs to be offered in a clarification.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyFloor { get; set; } = 0.25;

    /// <summary>Longer messages are politely refused rather than classified.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 1000;
}
