using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Text;
using ArtBot.Bot.Tests.Bots;
using ArtBot.Bot.Tests.Hosting;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace ArtBot.Bot.Tests.Hardening;

/// <summary>
/// Random activities and random bytes thrown at the bot for a bounded number of cases: no exception escapes, every
/// message gets a reply that says what it is, no request gets a 500, and memory stays bounded.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 2000;

    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Every_random_activity_is_handled_and_every_message_gets_a_reply_of_one_kind()
    {
        // The language models and the encoder's recent-sentence cache fill on first use: warm them before measuring growth.
        foreach (var warmUp in Activities().Sample(300).Concat(new[] { "c'est quoi la thérapie ART pour le dos", "¿qué es la terapia ART para la espalda?", "Was ist die Behandlung für den Rücken", "o que é a terapia para as costas", "che cosa è la terapia per la schiena" }.Select(text => (Activity)MessageFactory.Text(text))))
        {
            Run(warmUp);
        }
        var before = Memory();
        var stopwatch = Stopwatch.StartNew();
        var checkedCases = 0;

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true), Prop.ForAll(Activities().ToArbitrary(), activity =>
        {
            checkedCases++;
            var replies = Run(activity);
            var described = JObject.FromObject(activity).ToString(Newtonsoft.Json.Formatting.None);
            Assert.True(replies.All(HasOneKind), "A reply without its kind for: " + described);
            Assert.True(activity.Type != ActivityTypes.Message || replies.Count >= 1, "No reply to the message: " + described);
        }));

        var after = Memory();
        output.WriteLine($"{checkedCases} random activities in {stopwatch.Elapsed.TotalSeconds:0.0} s; managed memory {before / 1048576.0:0.0} MiB before, {after / 1048576.0:0.0} MiB after");
        Assert.True(after - before < 64 * 1048576, $"Managed memory grew by {(after - before) / 1048576.0:0.0} MiB.");
    }

    [Fact]
    public async Task No_random_body_posted_to_the_messages_endpoint_gets_a_500()
    {
        using var app = new ArtBotApplication(new() { ["RateLimits:ClientBurst"] = "100000", ["RateLimits:ConversationBurst"] = "10000" });
        var client = app.CreateClient();
        var bodies = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(text => text ?? ""),
            Activities().Select(activity => Mangle(JObject.FromObject(activity))));
        var statuses = new Dictionary<HttpStatusCode, int>();

        foreach (var body in bodies.Sample(400))
        {
            var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for: {body[..Math.Min(body.Length, 300)]}");
        }
        output.WriteLine(string.Join(", ", statuses.Select(status => $"{(int)status.Key}: {status.Value}")));
    }

    private List<IActivity> Run(Activity activity)
    {
        var adapter = new TestAdapter(activity.ChannelId ?? Microsoft.Bot.Connector.Channels.Test);
        adapter.ProcessActivityAsync(activity, _harness.Bot.OnTurnAsync, CancellationToken.None).GetAwaiter().GetResult();
        var replies = new List<IActivity>();
        while (adapter.GetNextReply() is { } reply)
        {
            replies.Add(reply);
        }
        return replies;
    }

    /// <summary>Every message the bot sends says what it is; traces and invoke responses are protocol, not messages.</summary>
    private static bool HasOneKind(IActivity reply) =>
        reply.Type is ActivityTypes.Trace or ActivityTypesEx.InvokeResponse || (reply.ChannelData is JObject data && data["artbot"]?["kind"] is JValue { Type: JTokenType.String });

    private static Gen<Activity> Activities() =>
        from type in Gen.Frequency((6, Gen.Constant(ActivityTypes.Message)), (1, Gen.Constant(ActivityTypes.Event)), (1, Gen.Constant(ActivityTypes.ConversationUpdate)),
            (1, Gen.Constant(ActivityTypes.Typing)), (1, Gen.Constant(ActivityTypes.Invoke)), (1, Gen.Elements("madeUp", "", "MESSAGE")))
        from text in Texts()
        from value in Values()
        from channel in Gen.Elements(Microsoft.Bot.Connector.Channels.Test, Microsoft.Bot.Connector.Channels.Webchat, Microsoft.Bot.Connector.Channels.Msteams, "directline")
        from name in Gen.Elements<string?>(null, "webchat/join", "", "other")
        from withAttachment in ArbMap.Default.GeneratorFor<bool>()
        from conversation in Gen.Elements("c1", "c2", "c3")
        select new Activity
        {
            Type = type,
            Text = text,
            Value = value,
            Name = name,
            // Teams looks members up through its connector, which the test adapter does not have.
            ChannelId = type == ActivityTypes.ConversationUpdate && channel == Microsoft.Bot.Connector.Channels.Msteams ? Microsoft.Bot.Connector.Channels.Test : channel,
            Conversation = new ConversationAccount(id: conversation),
            From = new ChannelAccount("visitor"),
            Recipient = new ChannelAccount("bot"),
            MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount("visitor")] : null,
            Attachments = withAttachment ? [new Attachment("image/png", "https://example.org/x.png")] : null,
        };

    private static Gen<string?> Texts() => Gen.Frequency(
        (4, ArbMap.Default.GeneratorFor<string>().Select(text => (string?)text)),
        (2, Gen.Elements<string?>("does ART hurt?", "Book a free consult", "Confirm", "cancel", "yes", "forget me", "Dana Smith", "416 555 0199",
            "<script>alert(1)</script>", "**x** [y](javascript:z)", "😀", "I have chest pain", "\u0000\u0001", new string('x', 5000))),
        (1, Gen.Constant<string?>(null)));

    private static Gen<object?> Values() => Gen.Frequency(
        (6, Gen.Constant<object?>(null)),
        (1, ArbMap.Default.GeneratorFor<string>().Select(text => (object?)text)),
        (2, from name in ArbMap.Default.GeneratorFor<string>()
            from consent in Gen.Elements<JToken>("true", "false", 1, new JArray(), JValue.CreateNull())
            from contact in Gen.Elements<JToken>("dana@example.com", "416 555 0199", 42, new JObject { ["x"] = 1 }, "")
            select (object?)new JObject
            {
                ["artbot"] = "consult-form",
                ["formId"] = Guid.NewGuid().ToString("N"),
                ["name"] = name,
                ["contact"] = contact,
                ["mode"] = "phone",
                ["time"] = "any",
                ["consent"] = consent,
            }));

    private static string Mangle(JObject activity)
    {
        activity["serviceUrl"] = "http://localhost:9/";
        activity["deliveryMode"] = "expectReplies";
        return activity.ToString();
    }

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Tests that measure the process's memory run alone: other tests' apps allocating at the same time would be counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
