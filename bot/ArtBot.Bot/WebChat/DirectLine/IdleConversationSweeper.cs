namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>Drops idle conversations of the bot's own Direct Line once a minute, so memory stays bounded.</summary>
public sealed class IdleConversationSweeper(LocalConversations conversations, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            conversations.RemoveIdle();
        }
    }
}
