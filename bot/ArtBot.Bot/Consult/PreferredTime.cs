namespace ArtBot.Bot.Consult;

public enum PreferredTime
{
    Morning,
    Afternoon,
    Evening,
    Any,
}
