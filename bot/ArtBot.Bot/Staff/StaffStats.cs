using System.Globalization;
using ArtBot.Bot.Answering;
using ArtBot.Bot.Observability;
using ArtBot.Knowledge.Content;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>
/// The <c>stats</c> command: the last 14 days in numbers and as a chart. Messages per day, answers per topic, how
/// often the bot fell back or asked "did you mean…?", safety escalations by tier, bookings per day, and the median
/// time from a booking to someone taking it. Counts only: no message text.
/// </summary>
public sealed class StaffStats(IDailyCounts counts, TurnCounts pending, IStaffTickets tickets, KnowledgeBase knowledgeBase, TimeProvider time)
{
    public const int Days = 14;

    /// <summary>Teams refuses messages over about 28 KB, card included: a chart larger than this is left out.</summary>
    public const int MaxChartBytes = 18 * 1024;
    private static readonly string[] SafetyTiers = ["emergency", "self-harm", "urgent", "assessment"];

    public async Task<Reply> BuildAsync(CancellationToken cancellationToken)
    {
        await pending.FlushAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var days = Enumerable.Range(0, Days).Select(offset => today.AddDays(offset - Days + 1)).ToList();
        var stored = await counts.SinceAsync(days[0], cancellationToken);
        var submitted = await tickets.SubmittedSinceAsync(new DateTimeOffset(days[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);

        long Turns(Func<string, bool> outcome, DateOnly? day = null) =>
            stored.Where(count => count.Key.Metric == TurnCounts.Turns && outcome(count.Key.Key) && (day is null || count.Key.Day == day)).Sum(count => count.Value);
        var messagesPerDay = days.Select(day => Turns(_ => true, day)).ToList();
        var bookingsPerDay = days.Select(day => submitted.Count(ticket => DateOnly.FromDateTime(ticket.SubmittedAt.UtcDateTime) == day)).ToList();
        var messages = messagesPerDay.Sum();
        var topics = stored.Where(count => count.Key.Metric == TurnCounts.Answers).GroupBy(count => count.Key.Key)
            .Select(topic => (Topic: topic.Key, Count: topic.Sum(count => count.Value))).OrderByDescending(topic => topic.Count).Take(8).ToList();
        var waits = submitted.Where(ticket => ticket.TakenAt is not null).Select(ticket => (ticket.TakenAt!.Value - ticket.SubmittedAt).TotalMinutes).Order().ToList();

        string Share(long part) => messages == 0 ? "–" : (100.0 * part / messages).ToString("0", CultureInfo.InvariantCulture) + " %";
        var facts = new List<(string Title, string Value)>
        {
            ("Messages", $"{messages} ({messagesPerDay[^1]} today)"),
            ("Answered from the article", Share(Turns(outcome => outcome == "answer"))),
            ("Not covered (fallback)", Share(Turns(outcome => outcome == "fallback"))),
            ("\"Did you mean…?\"", Share(Turns(outcome => outcome == "clarify"))),
            ("Safety escalations", string.Join(", ", SafetyTiers.Select(tier => $"{tier} {Turns(outcome => outcome == "safety:" + tier)}"))),
            ("Bookings", $"{bookingsPerDay.Sum()} ({bookingsPerDay[^1]} today)"),
            ("Median time to claim", waits.Count == 0 ? "none claimed yet" : Duration(waits[waits.Count / 2])),
            ("Votes on answers", Votes(stored)),
        };
        var chart = StatsChart.Png(days, messagesPerDay, bookingsPerDay);
        var body = new JArray
        {
            new JObject { ["type"] = "TextBlock", ["text"] = $"ArtBot, last {Days} days", ["weight"] = "Bolder", ["size"] = "Medium" },
            new JObject { ["type"] = "FactSet", ["facts"] = new JArray(facts.Select(fact => new JObject { ["title"] = fact.Title, ["value"] = fact.Value })) },
            new JObject
            {
                ["type"] = "TextBlock", ["wrap"] = true,
                ["text"] = topics.Count == 0 ? "No answers yet." : "Most asked: " + string.Join(", ", topics.Select(topic => $"{Title(topic.Topic)} {topic.Count}")),
            },
            chart.Length <= MaxChartBytes
                ? new JObject { ["type"] = "Image", ["url"] = "data:image/png;base64," + Convert.ToBase64String(chart), ["altText"] = "Messages and bookings per day" }
                : new JObject { ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true, ["text"] = "Messages per day: " + string.Join(", ", messagesPerDay) },
        };
        return new Reply(ReplyKind.Staff, "", []) { Subject = "stats", Attachments = [StaffCard.Attachment(StaffCard.Of(body))] };
    }

    /// <summary>Thumbs up and down on answers (<see cref="AnswerFeedback"/>), and the answer voted down most.</summary>
    private string Votes(IReadOnlyDictionary<DailyCountKey, long> stored)
    {
        var votes = stored.Where(count => count.Key.Metric == AnswerFeedback.Metric)
            .Select(count => (Entry: count.Key.Key[..count.Key.Key.LastIndexOf(':')], Liked: count.Key.Key.EndsWith(":like", StringComparison.Ordinal), count.Value)).ToList();
        var down = votes.Where(vote => !vote.Liked).GroupBy(vote => vote.Entry).Select(entry => (entry.Key, Count: entry.Sum(vote => vote.Value))).OrderByDescending(entry => entry.Count).ToList();
        var text = $"{votes.Where(vote => vote.Liked).Sum(vote => vote.Value)} up, {down.Sum(entry => entry.Count)} down";
        return down.Count == 0 ? text : $"{text} (most down: {Title(down[0].Key)} {down[0].Count})";
    }

    private string Title(string topic) => MarkdownText.Escape(knowledgeBase.TitleOf(topic));

    private static string Duration(double minutes) => minutes < 60
        ? $"{minutes:0} min"
        : minutes < 48 * 60 ? $"{(int)(minutes / 60)} h {minutes % 60:00} min" : $"{minutes / 1440:0.0} days";
}
