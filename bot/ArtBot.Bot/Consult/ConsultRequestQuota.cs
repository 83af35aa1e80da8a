using System.Collections.Concurrent;
using ArtBot.Bot.Hardening;
using ArtBot.Bot.Privacy;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Consult;

/// <summary>
/// How many new consult requests one client may send in an hour (<see cref="RateLimitOptions.ConsultRequestsPerHour"/>),
/// so a script cannot flood the clinic's staff with tickets. A client is the visitor's address on the bot's own Direct
/// Line (one allowance per IPv4 address or IPv6 /64, as for the rate limits), and the person's channel id elsewhere
/// (Azure's Direct Line and Teams call from their own addresses). Counted per instance.
/// </summary>
public sealed class ConsultRequestQuota(IHttpContextAccessor http, IOptions<RateLimitOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int ClientsBeforePruning = 10_000;

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _sent = new();

    /// <summary>Takes one of the client's requests for the hour, or returns null when they have all been sent.</summary>
    public Reservation? TryReserve(ITurnContext turnContext)
    {
        var client = ClientOf(turnContext);
        var now = time.GetUtcNow();
        if (_sent.Count > ClientsBeforePruning)
        {
            Prune(now);
        }
        var sent = _sent.GetOrAdd(client, _ => []);
        lock (sent)
        {
            sent.RemoveAll(at => at <= now - Window);
            if (sent.Count >= options.Value.ConsultRequestsPerHour)
            {
                return null;
            }
            sent.Add(now);
        }
        return new Reservation(client, now);
    }

    /// <summary>Gives a request back: it was not stored, or it was already stored before (Confirm again, the form sent twice).</summary>
    public void Release(Reservation reservation)
    {
        if (_sent.TryGetValue(reservation.Client, out var sent))
        {
            lock (sent)
            {
                sent.Remove(reservation.At);
            }
        }
    }

    public sealed record Reservation(string Client, DateTimeOffset At);

    private string ClientOf(ITurnContext turnContext) =>
        http.HttpContext is { } context && context.Request.Path.StartsWithSegments("/v3/directline")
            ? "address:" + ForwardedClients.AllowanceOf(context.Connection.RemoteIpAddress)
            : "person:" + RequesterKey.For(turnContext.Activity);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (client, sent) in _sent)
        {
            lock (sent)
            {
                if (sent.All(at => at <= now - Window))
                {
                    _sent.TryRemove(client, out _);
                }
            }
        }
    }
}
