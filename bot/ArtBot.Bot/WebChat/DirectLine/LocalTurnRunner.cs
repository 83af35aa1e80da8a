using ArtBot.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>Hands a visitor's activity from the bot's own Direct Line to the same adapter and bot as /api/messages, and returns the replies.</summary>
public sealed class LocalTurnRunner(ArtBotAdapter adapter)
{
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        var response = await adapter.ProcessInProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
        return response?.Body is ExpectedReplies { Activities: { } activities } ? [.. activities] : [];
    }
}
