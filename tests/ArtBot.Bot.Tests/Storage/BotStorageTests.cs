using ArtBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Storage;

/// <summary>Bot state on both stores: what one turn writes the next reads, and a stale write is refused.</summary>
public sealed class BotStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Reads_back_what_was_written_with_a_fresh_ETag(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var storage = database.Get<DatabaseBotStorage>();

        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "hello", ETag = "*" } });
        var read = await storage.ReadAsync(["c1", "missing"]);

        var item = (JObject)Assert.Single(read).Value;
        Assert.Equal("hello", (string?)item["Text"]);
        Assert.False(string.IsNullOrEmpty((string?)item["ETag"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Refuses_a_write_based_on_a_stale_ETag(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var storage = database.Get<DatabaseBotStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "first" } });
        var etag = (string)((JObject)(await storage.ReadAsync(["c1"]))["c1"])["ETag"]!;

        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "second", ETag = etag } });
        var stale = storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "third", ETag = etag } });

        await Assert.ThrowsAsync<StaleStateException>(() => stale);
        Assert.Equal("second", (string?)((JObject)(await storage.ReadAsync(["c1"]))["c1"])["Text"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Overwrites_when_the_ETag_is_a_star(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var storage = database.Get<DatabaseBotStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "first" } });

        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "forced", ETag = "*" } });

        Assert.Equal("forced", (string?)((JObject)(await storage.ReadAsync(["c1"]))["c1"])["Text"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Deletes_items(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var storage = database.Get<DatabaseBotStorage>();
        await storage.WriteAsync(new Dictionary<string, object> { ["c1"] = new Note { Text = "x" }, ["c2"] = new Note { Text = "y" } });

        await storage.DeleteAsync(["c1"]);

        Assert.Equal(["c2"], (await storage.ReadAsync(["c1", "c2"])).Keys);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Conversation_state_survives_a_new_storage_instance_as_after_a_restart(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var adapter = new TestAdapter();
        var turn = new TurnContext(adapter, MessageFactory.Text("hi"));
        turn.Activity.Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "restart-1");
        turn.Activity.ChannelId = "test";

        var before = new ConversationState(database.Get<DatabaseBotStorage>());
        await before.CreateProperty<Note>("note").SetAsync(turn, new Note { Text = "step 3" });
        await before.SaveChangesAsync(turn);

        var after = new ConversationState(database.Get<DatabaseBotStorage>());
        var freshTurn = new TurnContext(adapter, turn.Activity);
        var note = await after.CreateProperty<Note>("note").GetAsync(freshTurn, () => new Note());

        Assert.Equal("step 3", note.Text);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Two_turns_that_read_the_same_state_cannot_both_save_it(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var adapter = new TestAdapter();
        var activity = MessageFactory.Text("hi");
        activity.Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "race-1");
        activity.ChannelId = "test";
        var state = new ConversationState(database.Get<DatabaseBotStorage>());
        var seed = new TurnContext(adapter, activity);
        await state.CreateProperty<Note>("note").SetAsync(seed, new Note { Text = "start" });
        await state.SaveChangesAsync(seed);

        var first = new TurnContext(adapter, activity);
        var second = new TurnContext(adapter, activity);
        var property = state.CreateProperty<Note>("note");
        await property.GetAsync(first, () => new Note());
        await property.GetAsync(second, () => new Note());
        await property.SetAsync(first, new Note { Text = "first" });
        await property.SetAsync(second, new Note { Text = "second" });
        await state.SaveChangesAsync(first);

        await Assert.ThrowsAsync<StaleStateException>(() => state.SaveChangesAsync(second));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Two_first_turns_of_a_new_conversation_cannot_both_create_its_state(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var storage = database.Get<DatabaseBotStorage>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(index => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { ["new-1"] = new Note { Text = $"turn {index}" } });
                return true;
            }
            catch (StaleStateException)
            {
                return false;
            }
        })));

        Assert.Single(results, saved => saved);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task A_turn_may_save_its_state_twice(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var adapter = new TestAdapter();
        var activity = MessageFactory.Text("hi");
        activity.Conversation = new Microsoft.Bot.Schema.ConversationAccount(id: "twice-1");
        activity.ChannelId = "test";
        var state = new ConversationState(database.Get<DatabaseBotStorage>());
        var turn = new TurnContext(adapter, activity);
        var property = state.CreateProperty<Note>("note");

        await property.SetAsync(turn, new Note { Text = "first" });
        await state.SaveChangesAsync(turn);
        await property.SetAsync(turn, new Note { Text = "second" });
        await state.SaveChangesAsync(turn);

        var read = await new ConversationState(database.Get<DatabaseBotStorage>()).CreateProperty<Note>("note").GetAsync(new TurnContext(adapter, activity), () => new Note());
        Assert.Equal("second", read.Text);
    }

    private sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";
        public string? ETag { get; set; }
    }
}
