namespace ArtBot.Knowledge.Safety;

/// <summary>The tiers by the names the data files and the channel data use (<c>self-harm</c>, <c>emergency</c>…).</summary>
public static class SafetyTiers
{
    /// <summary>The tiers that escalate, gravest first: the order in which a message is matched.</summary>
    public static IReadOnlyList<SafetyTier> GravestFirst { get; } = [SafetyTier.SelfHarm, SafetyTier.Emergency, SafetyTier.Urgent, SafetyTier.Assessment];

    public static string Name(SafetyTier tier) => tier switch
    {
        SafetyTier.SelfHarm => "self-harm",
        _ => tier.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string name, out SafetyTier tier) =>
        Enum.TryParse(name.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out tier) && Enum.IsDefined(tier);

    /// <summary>The graver of two verdicts' tiers (<see cref="SafetyTier.None"/> is the mildest).</summary>
    public static SafetyTier Gravest(SafetyTier one, SafetyTier other)
    {
        foreach (var tier in GravestFirst)
        {
            if (one == tier || other == tier)
            {
                return tier;
            }
        }
        return SafetyTier.None;
    }
}
