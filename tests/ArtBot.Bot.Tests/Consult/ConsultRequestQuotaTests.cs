using ArtBot.Bot.Consult;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Consult;

/// <summary>A script cannot flood the clinic with tickets: one address sends at most RateLimits:ConsultRequestsPerHour new requests an hour.</summary>
public sealed class ConsultRequestQuotaTests : IDisposable
{
    private static readonly string[] Answers = ["Book a free consult", ConsultPrompts.QuestionsPath, "Priya Raman", "647 555 0142", "Online (video)", "Evening", "Left knee swells after running", "Yes, I agree"];

    private readonly ArtBotApplication _app = new(new Dictionary<string, string?> { ["RateLimits:ConsultRequestsPerHour"] = "2" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_third_request_from_one_address_in_an_hour_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var steps = new List<string?>();
        for (var visitor = 0; visitor < 3; visitor++)
        {
            var chat = await new DirectLineClient(_app.CreateClient()).StartAsync();
            steps.Add(Step(await BookAsync(chat)));
            if (visitor == 0)
            {
                await chat.SayAsync("Confirm");
                Assert.Equal(BookingMilestones.AlreadyBooked, Step((await chat.ActivitiesAsync()).Activities.Last()));
            }
        }

        Assert.Equal([BookingMilestones.Booked, BookingMilestones.Booked, BookingMilestones.OverQuota], steps);
        Assert.Equal(2, (await _app.Services.GetRequiredService<IConsultRequestStore>().ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_refused_request_says_why_and_keeps_the_booking_to_confirm_later()
    {
        JToken? refusal = null;
        for (var visitor = 0; visitor < 3; visitor++)
        {
            refusal = await BookAsync(await new DirectLineClient(_app.CreateClient()).StartAsync());
        }

        Assert.Contains("has **not** been sent", (string?)refusal!["text"]);
        Assert.Equal(["Confirm", "Cancel"], refusal["suggestedActions"]!["actions"]!.Select(action => (string?)action["title"]));
    }

    /// <summary>Answers every question of the booking in a new chat, confirms, and returns the bot's last reply.</summary>
    private static async Task<JToken> BookAsync(DirectLineClient chat)
    {
        foreach (var answer in Answers)
        {
            await chat.SayAsync(answer);
        }
        await chat.SayAsync("Confirm");
        return (await chat.ActivitiesAsync()).Activities.Last();
    }

    private static string? Step(JToken reply) => (string?)reply["channelData"]?["artbot"]?["step"];
}
