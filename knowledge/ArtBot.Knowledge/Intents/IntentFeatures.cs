namespace ArtBot.Knowledge.Intents;

/// <summary>What the intent model reads of a message. Recorded in the model file, so the classifier feeds it what it was trained on.</summary>
public enum IntentFeatures
{
    /// <summary>Word and character n-grams only: fast, but blind to paraphrases that share no words.</summary>
    Ngrams,

    /// <summary>The sentence encoder's embedding only.</summary>
    Encoder,

    /// <summary>Both, side by side in one feature vector.</summary>
    NgramsAndEncoder,
}
