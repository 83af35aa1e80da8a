namespace ArtBot.Knowledge.Content;

/// <summary>One topic the bot can answer. Its <see cref="Id"/> is also the name of the intent that leads to it.</summary>
public sealed record KnowledgeEntry
{
    public string Id { get; init; } = "";

    /// <summary>Short text shown on buttons; clicking the button sends this text back.</summary>
    public string Title { get; init; } = "";

    public string Answer { get; init; } = "";

    /// <summary>The article passages the answer is drawn from, quoted exactly.</summary>
    public IReadOnlyList<string> Passages { get; init; } = [];

    /// <summary>Entries suggested as next questions after this answer.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    public bool OfferConsult { get; init; }

    /// <summary>Greetings, thanks and the like: written by us, not drawn from the article, so they quote nothing.</summary>
    public bool SmallTalk { get; init; }

    /// <summary>
    /// A question about ART that the article leaves open (its history, how many sessions someone needs): the answer
    /// says so and offers the consult, never a guess.
    /// </summary>
    public bool NotCovered { get; init; }

    /// <summary>
    /// A practical fact about the clinic (one of <see cref="ClinicFacts.Ids"/>): the answer's <c>{fact}</c> is filled
    /// from the clinic's own settings, never from the article and never invented.
    /// </summary>
    public string? ClinicFact { get; init; }

    /// <summary>For a clinic fact: how to name it in a sentence when it is not filled in ("opening hours").</summary>
    public string? FactName { get; init; }

    /// <summary>For a clinic fact: the answer when the clinic has not filled it in, if it should say more than the usual "I don't have that".</summary>
    public string? AnswerWithoutFact { get; init; }

    /// <summary>Answered from the article: the topics that may be combined, clarified and followed up.</summary>
    public bool IsArticleTopic => !SmallTalk && !NotCovered && ClinicFact is null;
}
