using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace ArtBot.TestSupport;

/// <summary>
/// The Bot Connector of a Teams tenant, on loopback: new conversations (a thread per ticket), messages, updates, and
/// the member lookups Teams' handler makes. It keeps everything the bot sent, and can be made to fail for a while.
/// Like Teams, it refuses with a 400 any activity that breaks <see cref="TeamsMessageRules"/>, and keeps what it refused
/// in <see cref="Rejected"/>, so a test can say none was.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;
    private int _failures;
    private int _failureStatus;
    private TimeSpan _answerAfter;

    public FakeTeamsConnector(params string[] teamMembers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations", async context => await RespondAsync(context, "create", id => new JObject { ["id"] = $"19:staff@thread.tacv2;messageid={id}", ["activityId"] = id }));
        _app.MapPost("/v3/conversations/{conversation}/activities", async context => await RespondAsync(context, "send", id => new JObject { ["id"] = id }));
        _app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", async context => await RespondAsync(context, "send", id => new JObject { ["id"] = id }));
        _app.MapPut("/v3/conversations/{conversation}/activities/{activity}", async context => await RespondAsync(context, "update", _ => new JObject { ["id"] = (string?)context.Request.RouteValues["activity"] }));
        _app.MapGet("/v3/conversations/{conversation}/members/{member}", async context =>
        {
            var member = (string)context.Request.RouteValues["member"]!;
            if (teamMembers.Length > 0 && !teamMembers.Contains(member))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsync("""{"error":{"code":"MemberNotFoundInConversation","message":"Not a member"}}""");
                return;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JObject { ["id"] = member, ["name"] = "Member " + member, ["aadObjectId"] = member }.ToString());
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Urls.Single() + "/";
    }

    public string Url { get; }

    /// <summary>What the bot sent: "create" (a new thread), "send" (a message), "update" (a card changed in place), with the id given in reply.</summary>
    public ConcurrentQueue<(string Kind, string Path, JObject Body, long ReceivedAt, string Id)> Received { get; } = new();

    /// <summary>How many calls were refused while failing.</summary>
    public int Refused;

    /// <summary>Activities refused for breaking Teams' rules, with the rules they broke.</summary>
    public ConcurrentQueue<(string Kind, JObject Activity, IReadOnlyList<string> Broken)> Rejected { get; } = new();

    public IEnumerable<JObject> Created => Received.Where(call => call.Kind == "create").Select(call => call.Body);

    /// <summary>New threads with when they arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamps).</summary>
    public IEnumerable<(JObject Body, long ReceivedAt)> CreatedWithTimes => Received.Where(call => call.Kind == "create").Select(call => (call.Body, call.ReceivedAt));

    public IEnumerable<(string Path, JObject Body)> Sent => Received.Where(call => call.Kind == "send").Select(call => (call.Path, call.Body));

    /// <summary>The id this connector gave a message the bot sent, as Teams does (a vote on the message names it).</summary>
    public string IdOf(JObject sent) => Received.Single(call => ReferenceEquals(call.Body, sent)).Id;

    public IEnumerable<(string Path, JObject Body)> Updated => Received.Where(call => call.Kind == "update").Select(call => (call.Path, call.Body));

    /// <summary>Refuses the next <paramref name="calls"/> calls with <paramref name="status"/> (503: down, 429: throttled).</summary>
    public void Fail(int calls, int status = StatusCodes.Status503ServiceUnavailable)
    {
        _failureStatus = status;
        Volatile.Write(ref _failures, calls);
    }

    /// <summary>Answers every later call only after <paramref name="delay"/>, having recorded it at once: Teams under load.</summary>
    public void AnswerAfter(TimeSpan delay) => _answerAfter = delay;

    public async Task WaitUntilAsync(Func<FakeTeamsConnector, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The fake Teams connector never saw what the test waited for. It refused:\n" +
                    string.Join("\n", Rejected.Select(refused => $"{refused.Kind}: {string.Join("; ", refused.Broken)}")) + "\nIt received:\n" +
                    string.Join("\n", Received.Select(call => $"{call.Kind} {call.Path} {call.Body.ToString(Newtonsoft.Json.Formatting.None)[..Math.Min(300, call.Body.ToString(Newtonsoft.Json.Formatting.None).Length)]}")));
            }
            await Task.Delay(25);
        }
    }

    private async Task RespondAsync(HttpContext context, string kind, Func<string, JObject> response)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = JObject.Parse(await reader.ReadToEndAsync());
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            Interlocked.Increment(ref Refused);
            context.Response.StatusCode = _failureStatus;
            return;
        }
        // A new thread carries its first message inside the conversation's parameters.
        var activity = kind == "create" ? body["activity"] as JObject : body;
        if (activity is not null && TeamsMessageRules.Broken(activity) is { Count: > 0 } broken)
        {
            Rejected.Enqueue((kind, activity, broken));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JObject { ["error"] = new JObject { ["code"] = "BadArgument", ["message"] = string.Join("; ", broken) } }.ToString());
            return;
        }
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Received.Enqueue((kind, context.Request.Path.Value ?? "", body, System.Diagnostics.Stopwatch.GetTimestamp(), id));
        await Task.Delay(_answerAfter);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response(id).ToString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
