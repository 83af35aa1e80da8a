using ArtBot.Bot.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.WebChat.DirectLine;

/// <summary>What one visitor, or many new chats at once, can hold of the server: memory and open streams.</summary>
public sealed class DirectLineBudgetTests
{
    [Fact]
    public async Task A_flood_of_new_chats_with_long_messages_drops_the_least_recently_used_and_stays_within_the_budget()
    {
        const long Budget = 400 * 1024;
        using var app = new ArtBotApplication(new() { ["DirectLine:MaxBytesInTotal"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = app.CreateClient();
        var first = await new DirectLineClient(client).StartAsync();
        (await first.SayAsync("does it hurt?")).EnsureSuccessStatusCode();
        var conversations = app.Services.GetRequiredService<LocalConversations>();

        DirectLineClient last = first;
        for (var chat = 0; chat < 12; chat++)
        {
            last = await new DirectLineClient(client).StartAsync();
            (await last.SayAsync("my knee " + new string('x', 60_000))).EnsureSuccessStatusCode();
        }

        Assert.InRange(conversations.Bytes, 1, Budget);
        Assert.Empty((await first.ActivitiesAsync()).Activities);
        Assert.Equal(["user", "bot"], (await last.ActivitiesAsync()).Activities.Select(activity => (string?)activity["from"]!["role"]));
    }

    [Fact]
    public async Task A_conversation_holds_three_streams_at_most_and_a_closed_one_makes_room()
    {
        using var app = new ArtBotApplication();
        var chat = await new DirectLineClient(app.CreateClient()).StartAsync();
        var sockets = app.Server.CreateWebSocketClient();

        var open = new List<System.Net.WebSockets.WebSocket>();
        for (var stream = 0; stream < 3; stream++)
        {
            open.Add(await sockets.ConnectAsync(new Uri(chat.StreamUrl), CancellationToken.None));
        }
        var fourth = await Record.ExceptionAsync(() => sockets.ConnectAsync(new Uri(chat.StreamUrl), CancellationToken.None));
        await open[0].CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        var afterClosing = await WaitForRoomAsync(() => sockets.ConnectAsync(new Uri(chat.StreamUrl), CancellationToken.None));

        Assert.Contains("429", Assert.IsType<InvalidOperationException>(fourth).Message);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, afterClosing.State);
    }

    /// <summary>The server lets go of a closed stream a moment after the close handshake.</summary>
    private static async Task<System.Net.WebSockets.WebSocket> WaitForRoomAsync(Func<Task<System.Net.WebSockets.WebSocket>> connect)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await connect();
            }
            catch (InvalidOperationException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
