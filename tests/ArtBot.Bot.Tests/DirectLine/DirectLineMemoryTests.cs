using ArtBot.Bot.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.DirectLine;

/// <summary>Many website chats at once cannot fill the server's memory: past the total budget the least recently used are dropped.</summary>
public sealed class DirectLineMemoryTests
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
}
