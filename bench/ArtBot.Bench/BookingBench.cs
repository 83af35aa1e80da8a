using ArtBot.TestSupport;
using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bench;

/// <summary>Whole consult bookings through <c>/api/messages</c>, one after another: the turns they take and the time of each turn.</summary>
public static class BookingBench
{
    private static readonly string[] Turns =
        ["Book a free consult", "Dana Smith", "416 555 0199", "Phone call", "Morning", "Sore wrist from typing", "Yes, I agree", "Confirm"];

    public static async Task RunAsync(string store, HttpClient http, int bookings)
    {
        var allTurns = new List<double>();
        var confirmTurns = new List<double>();
        for (var booking = 0; booking < bookings; booking++)
        {
            var conversation = $"booking-bench-{Guid.NewGuid():N}";
            foreach (var text in Turns)
            {
                var start = Stopwatch.GetTimestamp();
                var replies = await BotMessages.SayAsync(http, conversation, text);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                allTurns.Add(elapsed);
                if (text == "Confirm")
                {
                    confirmTurns.Add(elapsed);
                    if ((string?)replies.Last()["channelData"]?["artbot"]?["step"] != "booked")
                    {
                        throw new InvalidOperationException("A bench booking was not stored: " + replies);
                    }
                }
            }
        }
        Console.WriteLine($"Consult booking on {store}: {Turns.Length} turns from '{Turns[0]}' to the reference; {bookings} bookings in a row");
        Console.WriteLine($"  every booking turn (state read and write): {Percentiles.Describe(allTurns)}");
        Console.WriteLine($"  the Confirm turn (request stored, state cleared): {Percentiles.Describe(confirmTurns)}");
    }
}
