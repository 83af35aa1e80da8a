using System.Diagnostics;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bench;

/// <summary>
/// From a patient's Confirm on the website to the ticket reaching the staff channel's Teams connector (a fake one on
/// loopback), with the bot as its own process; then the same while the connector refuses calls for a while.
/// </summary>
public static class StaffTicketBench
{
    private static readonly string[] Booking = ["Book a free consult", "Answer a few questions", "Dana Smith", "416 555 0199", "Phone call", "Morning", "Sore wrist from typing", "Yes, I agree"];

    public static async Task RunAsync(int bookings)
    {
        await using var teams = new FakeTeamsConnector();
        await using var bot = await BotProcess.StartBotAsync("--Staff:TenantId", "clinic-tenant", "--Staff:MaxRetryDelay", "00:00:05");
        await AddToStaffTeamAsync(bot, teams);

        var timings = new List<double>(bookings);
        for (var booking = 0; booking < bookings; booking++)
        {
            var before = teams.Created.Count();
            var confirmed = await BookAsync(bot, $"staff-bench-{booking}");
            var arrived = await ArrivalAsync(teams, before + 1, TimeSpan.FromSeconds(10));
            timings.Add(Stopwatch.GetElapsedTime(confirmed, arrived).TotalMilliseconds);
        }
        Console.WriteLine($"Confirm to the ticket at the Teams connector: {Percentiles.Describe(timings)}");

        var posted = teams.Created.Count();
        teams.Fail(calls: 5);
        var downAt = await BookAsync(bot, "staff-bench-down");
        var after = await ArrivalAsync(teams, posted + 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(6));
        await SaveStatsChartAsync(bot, teams);
        Console.WriteLine($"Connector refusing its next 5 calls: {teams.Refused} refused, the ticket arrived {Stopwatch.GetElapsedTime(downAt, after).TotalSeconds:0.0} s after Confirm, " +
            $"posted {teams.Created.Count() - posted} time(s)");
    }

    /// <summary>Asks for staff's stats after the bookings and keeps the chart in docs/, as staff see it.</summary>
    private static async Task SaveStatsChartAsync(BotProcess bot, FakeTeamsConnector teams)
    {
        await PostAsync(bot, StaffActivity(teams, "message", activity => activity["text"] = "stats"));
        var deadline = Stopwatch.StartNew();
        JToken? image = null;
        while (image is null && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            image = teams.Sent.Select(sent => sent.Body.SelectTokens("attachments[*].content.body[*]").FirstOrDefault(element => (string?)element["type"] == "Image")).FirstOrDefault(found => found is not null);
            await Task.Delay(20);
        }
        var url = (string?)image?["url"] ?? throw new TimeoutException("stats sent no chart: " + string.Join("\n", teams.Sent.Select(sent => sent.Body.ToString(Newtonsoft.Json.Formatting.None)).Where(text => text.Contains("14 days", StringComparison.Ordinal))));
        var path = Path.Combine(Repository.Root, "docs", "staff-stats.png");
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        Console.WriteLine($"Staff's stats chart written to {path}");
    }

    private static Task AddToStaffTeamAsync(BotProcess bot, FakeTeamsConnector teams) =>
        PostAsync(bot, StaffActivity(teams, "conversationUpdate", activity => activity["membersAdded"] = new JArray { new JObject { ["id"] = "28:artbot" } }));

    private static async Task PostAsync(BotProcess bot, JObject activity)
    {
        using var response = await bot.Http.PostAsync("/api/messages", new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    private static JObject StaffActivity(FakeTeamsConnector teams, string type, Action<JObject> fill)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = teams.Url,
            ["from"] = new JObject { ["id"] = "29:sam", ["name"] = "Sam Lee" },
            ["recipient"] = new JObject { ["id"] = "28:artbot" },
            ["conversation"] = new JObject { ["id"] = "19:general@thread.tacv2", ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = "clinic-tenant" },
            ["channelData"] = new JObject
            {
                ["tenant"] = new JObject { ["id"] = "clinic-tenant" },
                ["team"] = new JObject { ["id"] = "staff-team" },
                ["channel"] = new JObject { ["id"] = "19:general@thread.tacv2" },
            },
        };
        fill(activity);
        return activity;
    }

    /// <summary>Books on the website; returns when the Confirm turn's answer came back.</summary>
    private static async Task<long> BookAsync(BotProcess bot, string conversation)
    {
        foreach (var text in Booking)
        {
            await BotMessages.SayAsync(bot.Http, conversation, text, channelId: "webchat");
        }
        await BotMessages.SayAsync(bot.Http, conversation, "Confirm", channelId: "webchat");
        return Stopwatch.GetTimestamp();
    }

    private static async Task<long> ArrivalAsync(FakeTeamsConnector teams, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (teams.Created.Count() < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException("The ticket never reached the fake Teams connector.");
            }
            await Task.Delay(1);
        }
        return teams.CreatedWithTimes.ElementAt(count - 1).ReceivedAt;
    }
}
