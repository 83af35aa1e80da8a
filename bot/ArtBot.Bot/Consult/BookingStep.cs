namespace ArtBot.Bot.Consult;

/// <summary>The question the booking conversation asked last, and so the one the next message answers.</summary>
public enum BookingStep
{
    None,
    ConfirmRebook,

    /// <summary>Where a form can be shown: fill in the form, or answer the questions one by one.</summary>
    ChoosePath,
    Name,
    Contact,
    Mode,
    Time,
    Concern,
    Consent,
    Summary,
    ChooseChange,
}
