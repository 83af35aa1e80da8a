namespace ArtBot.Bot.Consult;

public enum ConsultMode
{
    PhoneCall,
    Online,
}
