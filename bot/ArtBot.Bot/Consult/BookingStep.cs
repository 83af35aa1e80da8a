namespace ArtBot.Bot.Consult;

/// <summary>The question the booking conversation asked last, and so the one the next message answers.</summary>
public enum BookingStep
{
    None,
    ConfirmRebook,
    Name,
    Contact,
    Mode,
    Time,
    Concern,
    Consent,
    Summary,
    ChooseChange,
}
