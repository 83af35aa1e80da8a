namespace ArtBot.Knowledge.Safety;

/// <summary>What the screen found: the tier and the fixed message for it (empty for <see cref="SafetyTier.None"/>).</summary>
public sealed record SafetyVerdict(SafetyTier Tier, string Message)
{
    public static SafetyVerdict Clear { get; } = new(SafetyTier.None, "");

    /// <summary>Raised by the semantic layer rather than a phrase rule: what the rules may learn from.</summary>
    public bool ByMeaning { get; init; }

    /// <summary>Emergencies and self-harm: nothing else is said in that turn, no answer and no booking pitch.</summary>
    public bool IsEmergency => Tier is SafetyTier.Emergency or SafetyTier.SelfHarm;
}
