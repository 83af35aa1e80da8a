namespace ArtBot.Knowledge.Safety;

/// <summary>How urgent a message is, before anything else is read into it. Names match the tiers in <c>safety/&lt;locale&gt;.json</c>.</summary>
public enum SafetyTier
{
    None,

    /// <summary>Thoughts of self-harm or suicide: the crisis line.</summary>
    SelfHarm,

    /// <summary>Signs of a medical emergency: 911 or the emergency department.</summary>
    Emergency,

    /// <summary>Worrying after a treatment but not an emergency: the clinic or a doctor today.</summary>
    Urgent,

    /// <summary>Asks the bot to assess the person: a clinician can, in the free consult.</summary>
    Assessment,
}
