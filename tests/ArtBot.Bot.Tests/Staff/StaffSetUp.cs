using ArtBot.Bot.Tests.Hosting;
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
}
