namespace ArtBot.Knowledge.Safety;

/// <summary>What the screen found: the tier and the fixed message for it (empty for <see cref="SafetyTier.None"/>).</summary>
public sealed record SafetyVerdict(SafetyTier Tier, string Message)
{
    public static SafetyVerdict Clear { get; } = new(SafetyTier.None, "");

    /// <summary>Raised by the semantic layer rather than a phrase rule: what the rules may learn from.</summary>
    public bool ByMeaning { get; init; }

    /// <summary>
    /// The layers that could not read the message (<see cref="SafetyScreen.RulesLayer"/>, <see cref="SafetyScreen.MeaningLayer"/>):
    /// the other layer decided alone, and the failure is for the logs and metrics, never for the person.
    /// </summary>
    public IReadOnlyList<SafetyLayerFailure> Failures { get; init; } = [];

    /// <summary>Emergencies and self-harm: nothing else is said in that turn, no answer and no booking pitch.</summary>
    public bool IsEmergency => Tier is SafetyTier.Emergency or SafetyTier.SelfHarm;

    /// <summary>Emergencies, self-harm and urgent signs: answered first and alone.</summary>
    public bool IsRedFlag => Tier is SafetyTier.Emergency or SafetyTier.SelfHarm or SafetyTier.Urgent;
}

/// <summary>A layer of the screen that could not read a message, and why.</summary>
public sealed record SafetyLayerFailure(string Layer, Exception Exception);
