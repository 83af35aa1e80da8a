using System.Net;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Security;

/// <summary>On the bot's own Direct Line a chat is bound to the visitor its token was issued to, and "forget me" forgets everything of theirs.</summary>
public sealed class WebsiteChatIdentityTests : IDisposable
{
    private static readonly string[] Booking = ["Book a free consult", "Answer a few questions", "Quentin Marlowe", "quentin.marlowe@example.org", "Phone call", "Morning", "skip", "Yes, I agree", "Confirm"];

    // A whole booking and "forget me" sent as fast as a test sends them: more than the per-conversation burst allows.
    private readonly ArtBotApplication _app = new(new() { ["RateLimits:ConversationBurst"] = "100" });

    public void Dispose() => _app.Dispose();

    private IConsultRequestStore Store => _app.Services.GetRequiredService<IConsultRequestStore>();

    [Fact]
    public async Task Issues_a_user_id_with_the_token_and_speaks_as_it_whatever_the_client_claims()
    {
        var client = _app.CreateClient();
        var session = JObject.Parse(await (await client.PostAsync("/api/directline/token", null)).Content.ReadAsStringAsync());
        var chat = await new DirectLineClient(client).StartAsync();

        await chat.PostAsync(new JObject { ["type"] = "message", ["text"] = "hello", ["from"] = new JObject { ["id"] = "somebody-else", ["name"] = "Mallory" } });
        var (activities, _) = await chat.ActivitiesAsync();

        Assert.StartsWith("dl_", (string?)session["userId"]);
        var sent = activities.First(activity => (string?)activity["type"] == "message");
        Assert.NotEqual("somebody-else", (string?)sent["from"]!["id"]);
        Assert.StartsWith("dl_", (string?)sent["from"]!["id"]);
        Assert.NotEqual("Mallory", (string?)sent["from"]!["name"]);
    }

    [Fact]
    public async Task A_visitor_cannot_delete_another_visitors_request_by_claiming_their_id()
    {
        var victim = await new DirectLineClient(_app.CreateClient()).StartAsync();
        foreach (var text in Booking)
        {
            (await victim.SayAsync(text)).EnsureSuccessStatusCode();
        }
        var (victimActivities, _) = await victim.ActivitiesAsync();
        var victimId = (string?)victimActivities.First(activity => (string?)activity["from"]?["role"] == "user")["from"]!["id"];
        Assert.Single(await Store.ListAsync(CancellationToken.None));

        var attacker = await new DirectLineClient(_app.CreateClient()).StartAsync();
        foreach (var text in new[] { "forget me", "yes" })
        {
            await attacker.PostAsync(new JObject { ["type"] = "message", ["text"] = text, ["from"] = new JObject { ["id"] = victimId } });
        }

        Assert.Single(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Forget_me_erases_the_chats_transcript_so_nothing_said_can_be_read_back()
    {
        var chat = await new DirectLineClient(_app.CreateClient()).StartAsync();
        foreach (var text in Booking.Append("forget me").Append("Yes, delete my data"))
        {
            (await chat.SayAsync(text)).EnsureSuccessStatusCode();
        }

        var (activities, _) = await chat.ActivitiesAsync();

        var transcript = activities.ToString();
        Assert.DoesNotContain("Quentin", transcript);
        Assert.DoesNotContain("quentin.marlowe@example.org", transcript);
        Assert.Contains("Done.", transcript);
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_token_outlives_a_restart_and_the_booking_in_progress_carries_on()
    {
        DirectLineClient chat;
        using (var before = new ArtBotApplication(folder: _app.Folder))
        {
            chat = await new DirectLineClient(before.CreateClient()).StartAsync();
            (await chat.SayAsync("Book a free consult")).EnsureSuccessStatusCode();
            (await chat.SayAsync("Answer a few questions")).EnsureSuccessStatusCode();
            (await chat.SayAsync("Quentin Marlowe")).EnsureSuccessStatusCode();
        }

        using var after = new ArtBotApplication(folder: _app.Folder);
        var resumed = new DirectLineClient(after.CreateClient());
        resumed.Resume(chat.Token, chat.ConversationId);
        var answer = await resumed.SayAsync("quentin.marlowe@example.org");
        var (activities, _) = await resumed.ActivitiesAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("mode", (string?)activities.Last()["channelData"]!["artbot"]!["step"]);
    }
}
