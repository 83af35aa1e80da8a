using ArtBot.Bot.Outbox;
using ArtBot.Bot.Staff;
using ArtBot.Bot.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>What the staff tests share: the clinic's tenant, the app set up for it, and a patient's booking on the website.</summary>
public static class StaffSetUp
{
    public const string Tenant = "clinic-tenant";

    /// <summary>The patient's answers on the website, from "Book a free consult" (and the questions rather than the form) to Confirm.</summary>
    public static readonly string[] Booking = ["Book a free consult", "Answer a few questions", "Priya Raman", "647 555 0142", "Phone call", "Evening", "Left knee swells after running", "Yes, I agree", "Confirm"];

    /// <summary>
    /// Staff settings for the clinic's tenant; no daily digest unless a test asks for one, so none appears by chance;
    /// and room for a whole booking and more sent as fast as a test sends it (a person's pace refills the limit).
    /// </summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Staff:TenantId"] = Tenant, ["Staff:DigestTime"] = "", ["RateLimits:ConversationBurst"] = "100" };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>A patient books on the website; returns the reference they were given.</summary>
    public static async Task<string> BookOnTheWebsiteAsync(ArtBotApplication app, string conversation)
    {
        var patient = new BotConversationClient(app.CreateClient(), conversation, channelId: "webchat");
        JArray replies = [];
        foreach (var text in Booking)
        {
            replies = await patient.SayAsync(text);
        }
        return (string)replies.Last()["channelData"]!["artbot"]!["reference"]!;
    }

    /// <summary>
    /// Sends the staff outbox as the poster does until nothing in it is unsent, then once more: a test asserting that
    /// something reached Teams exactly once then sees any duplicate the outbox held, without waiting to see if one comes.
    /// </summary>
    /// <param name="letTimePass">For a test's own clock: moves it on between rounds, so entries waiting to be tried again fall due.</param>
    public static async Task DrainStaffOutboxAsync(ArtBotApplication app, Action? letTimePass = null)
    {
        var outbox = app.Services.GetRequiredService<IOutbox>();
        var poster = app.Services.GetRequiredService<StaffTicketPoster>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await outbox.CountUnsentAsync(OutboxDestination.Teams, CancellationToken.None) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The staff outbox never drained.");
            await poster.SendDueAsync(CancellationToken.None);
            letTimePass?.Invoke();
            // Entries another poster holds, or due again shortly, are sent meanwhile; this only paces the asking.
            await Task.Yield();
        }
        await poster.SendDueAsync(CancellationToken.None);
    }
}
