using ArtBot.Bot.Staff;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.Bot.Unanswered;
using ArtBot.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Staff;

/// <summary>Staff see what patients asked that the article did not answer, similar wordings together, and teach the bot.</summary>
public sealed class UnansweredReviewTests
{
    [Fact]
    public async Task Unanswered_groups_similar_questions_most_asked_first_and_teach_keeps_one_for_training()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var asked = new[] { "do you sell gift cards", "can I buy a gift card for my mum", "Do you sell gift cards?", "can you recommend a good yoga studio nearby" };
        for (var patient = 0; patient < asked.Length; patient++)
        {
            await new BotConversationClient(app.CreateClient(), $"unanswered-{patient}", channelId: "webchat").SayAsync(asked[patient]);
        }
        var staff = new TeamsClient(app.CreateClient(), teams, "clinic-tenant");

        await staff.SayAsync("unanswered");
        await teams.WaitUntilAsync(connector => connector.Sent.Any());
        var card = Assert.Single(Assert.Single(teams.Sent).Body["attachments"]!)["content"]!;
        var taught = await staff.PressAsync(UnansweredReview.TeachVerb, new JObject { ["question"] = "do you sell gift cards", ["input"] = "intent-0", ["intent-0"] = UnansweredReview.OutOfScope });

        var groups = card["body"]!.Where(element => (string?)element["type"] == "TextBlock" && ((string?)element["text"] ?? "").Contains('×')).Select(element => (string)element["text"]!).ToList();
        Assert.True(groups.Count > 0 && groups[0].StartsWith("**3×**", StringComparison.Ordinal), string.Join(" | ", groups));
        Assert.Contains("gift card", groups[0]);
        Assert.Equal(2, groups.Count);
        Assert.Contains("yoga studio", groups[1]);
        Assert.Contains("will be taught", (string?)taught["value"]);
        Assert.Equal([("none", "do you sell gift cards")], await app.Services.GetRequiredService<IReviewedUtterances>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_taught_question_is_deleted_when_the_patient_who_asked_it_says_forget_me()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var patient = new BotConversationClient(app.CreateClient(), "taught-" + Guid.NewGuid().ToString("N"), channelId: "webchat");
        await patient.SayAsync("do you sell gift cards for my mother");
        await new BotConversationClient(app.CreateClient(), "taught-other", channelId: "webchat").SayAsync("what is the capital of australia");
        var staff = new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant);
        foreach (var question in new[] { "do you sell gift cards for my mother", "what is the capital of australia" })
        {
            await staff.PressAsync(UnansweredReview.TeachVerb, new JObject { ["question"] = question, ["input"] = "intent-0", ["intent-0"] = UnansweredReview.OutOfScope });
        }

        await patient.SayAsync("forget me");
        await patient.SayAsync("Yes, delete my data");

        Assert.Equal([("none", "what is the capital of australia")], await app.Services.GetRequiredService<IReviewedUtterances>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task One_visitor_repeating_a_text_counts_once_below_a_question_two_people_asked()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var log = app.Services.GetRequiredService<IUnansweredQuestionLog>();
        for (var repeat = 0; repeat < 40; repeat++)
        {
            await log.RecordAsync(new UnansweredQuestion(DateTimeOffset.UtcNow, "webchat", "Visit evil dot example for cheap pills", 0.1, "visitor-1"), CancellationToken.None);
        }
        await log.RecordAsync(new UnansweredQuestion(DateTimeOffset.UtcNow, "webchat", "do you sell gift cards", 0.1, "patient-1"), CancellationToken.None);
        await log.RecordAsync(new UnansweredQuestion(DateTimeOffset.UtcNow, "webchat", "do you sell gift cards", 0.1, "patient-2"), CancellationToken.None);

        await new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant).SayAsync("unanswered");
        await teams.WaitUntilAsync(connector => connector.Sent.Any());

        var card = Assert.Single(Assert.Single(teams.Sent).Body["attachments"]!)["content"]!;
        var groups = card["body"]!.Where(element => (string?)element["type"] == "TextBlock" && ((string?)element["text"] ?? "").Contains('×')).Select(element => (string)element["text"]!).ToList();
        Assert.Equal(2, groups.Count);
        Assert.StartsWith("**2×** do you sell gift cards", groups[0]);
        Assert.StartsWith("**1×**", groups[1]);
    }

    [Fact]
    public async Task A_long_review_comes_in_pages_each_a_message_Teams_takes_and_More_reaches_every_group()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var log = app.Services.GetRequiredService<IUnansweredQuestionLog>();
        var questions = UnrelatedQuestions.Select(question => string.Join(" ", Enumerable.Repeat(question, 900 / (question.Length + 1)))).ToList();
        foreach (var question in questions)
        {
            await log.RecordAsync(new UnansweredQuestion(DateTimeOffset.UtcNow, "webchat", question, 0.1), CancellationToken.None);
        }
        var expected = QuestionGroups.Of([.. questions.Select(question => (question, ""))], SharedEmbedder.Instance, max: 100).Select(group => group.Representative).ToList();
        var staff = new TeamsClient(app.CreateClient(), teams, StaffSetUp.Tenant);

        var taughtOnCards = new List<string>();
        var command = "unanswered";
        for (var page = 1; command is not null; page++)
        {
            await staff.SayAsync(command);
            await teams.WaitUntilAsync(connector => connector.Sent.Count() >= page || !connector.Rejected.IsEmpty);
            Assert.Empty(teams.Rejected.Select(refused => string.Join("; ", refused.Broken)));
            var card = Assert.Single(teams.Sent.Last().Body["attachments"]!)["content"]!;
            taughtOnCards.AddRange(card.SelectTokens($"$..actions[?(@.verb == '{UnansweredReview.TeachVerb}')].data.question").Select(question => (string)question!));
            command = (string?)card.SelectToken("actions[0].data.msteams.value");
        }

        Assert.True(expected.Count >= 25, $"only {expected.Count} groups");
        Assert.True(teams.Sent.Count() > 1);
        Assert.All(teams.Sent, sent => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(sent.Body.ToString(Newtonsoft.Json.Formatting.None)), 1, TeamsMessageRules.MaxMessageBytes));
        Assert.Equal(expected, taughtOnCards);
    }

    private static readonly string[] UnrelatedQuestions =
    [
        "Do you sell gift cards for the holidays?", "Is there free parking near the clinic?", "Can you recommend a good yoga studio nearby?",
        "What is the best pizza place in Toronto?", "How do I file my income tax return?", "Can I bring my dog to the appointment?",
        "What is the weather forecast for tomorrow?", "Who won the hockey game last night?", "How do I reset my email password?",
        "Where can I buy a used piano?", "What time does the subway close tonight?", "How do I renew my passport?",
        "Can you fix my cracked laptop screen?", "What are good books about ancient Rome?", "How do I plant tulip bulbs in the fall?",
        "Is bitcoin a good investment this year?", "Where can I rent a snowboard?", "Do you know a good divorce lawyer?",
        "How old must kittens be before adoption?", "What telescope should I buy for astronomy?", "How do I bake sourdough bread?",
        "Can you translate this letter into French?", "What is the capital of Australia?", "How do I get a fishing licence?",
        "Which airline flies direct to Iceland?", "Does the art museum open on Mondays?", "What's a good recipe for lentil soup?",
        "Will my car pass the emissions test?", "Where is the nearest post office?", "Do you repair bicycles?",
        "Which vaccines does my cat need?", "How much does a wedding photographer cost?", "Can I recycle greasy pizza boxes?",
        "Who painted the Mona Lisa?", "When is the next solar eclipse?", "Do you offer swimming lessons for kids?",
        "Is the public library open on Sunday?",
    ];
}
