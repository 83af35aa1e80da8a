using ArtBot.Bot.Answering;
using ArtBot.Knowledge.Intents;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;

namespace ArtBot.Bot.Tests.Bots;

public sealed class ArtBotHandlerTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Welcomes_a_visitor_in_a_few_short_lines_with_the_main_questions_as_buttons_and_says_it_is_not_medical_advice()
    {
        await _harness.Flow()
            .Send(MembersAdded("visitor"))
            .AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("ArtBot", text);
                Assert.Contains("not medical advice", text);
                Assert.InRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 3);
                Assert.InRange(text.Length, 1, 280);
                Assert.Equal("welcome", Kind(activity));
                Assert.Equal([Title("is-it-painful"), Title("side-effects"), Title("art-vs-massage"), Title("muscle-knots"), "Book a free consult"], Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Welcomes_once_when_Web_Chat_joins_and_a_members_added_update_also_arrives()
    {
        await _harness.Flow(Microsoft.Bot.Connector.Channels.Webchat)
            .Send(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" })
            .AssertReply(activity => Assert.Equal("welcome", Kind(activity)))
            .Send(MembersAdded("visitor"))
            .AssertNoMoreReplies()
            .Send(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Does_not_welcome_itself_when_the_bot_joins()
    {
        await _harness.Flow()
            .Send(MembersAdded("bot"))
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Answers_does_ART_hurt_from_the_article_then_suggests_related_questions_and_the_consult()
    {
        await _harness.Flow()
            .Send("does ART hurt?")
            .AssertReply(activity =>
            {
                Assert.Contains("not generally painful", ((IMessageActivity)activity).Text);
                Assert.Contains("mild discomfort", ((IMessageActivity)activity).Text);
                var data = ArtBotData(activity)!;
                Assert.Equal(("answer", "is-it-painful"), ((string?)data["kind"], (string?)data["id"]));
                Assert.True((double)data["confidence"]! > 0.5);
                Assert.Equal([Title("side-effects"), Title("what-is-art"), Title("art-vs-massage"), "Book a free consult"], Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("what is active release therapy exactly", "what-is-art", "manual therapy")]
    [InlineData("does active release technique really work?", "does-it-work", "studies")]
    [InlineData("what are adhesions", "adhesions", "scar tissue")]
    [InlineData("can ART help with tennis elbow", "conditions", "shin splints")]
    [InlineData("is ART better than a massage", "art-vs-massage", "static pressure")]
    [InlineData("will this treatment be painful", "is-it-painful", "not generally painful")]
    [InlineData("what are the side effects", "side-effects", "nausea or vomiting")]
    [InlineData("do muscle knots come from adhesions?", "muscle-knots", "often caused by adhesions")]
    [InlineData("is this medical advice", "disclaimer", "not liable")]
    [InlineData("hello", "greeting", "ArtBot")]
    [InlineData("what can you do", "help", "- Muscle knots")]
    public async Task Answers_each_main_question_from_its_entry(string question, string entryId, string expectedText)
    {
        await _harness.Flow()
            .Send(question)
            .AssertReply(activity =>
            {
                Assert.Equal(entryId, EntryId(activity));
                Assert.Contains(expectedText, ((IMessageActivity)activity).Text);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("dose actve relese therapy hurt")]
    [InlineData("is it painfull")]
    public async Task Understands_a_question_with_typos(string question)
    {
        await _harness.Flow()
            .Send(question)
            .AssertReply(activity => Assert.Equal("is-it-painful", EntryId(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answers_the_entry_whose_button_was_clicked()
    {
        await _harness.Flow()
            .Send(Title("muscle-knots"))
            .AssertReply(activity =>
            {
                Assert.Equal("muscle-knots", EntryId(activity));
                Assert.Equal(1.0, (double)ArtBotData(activity)!["confidence"]!);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Book_a_free_consult_explains_the_consult_then_starts_the_booking()
    {
        await _harness.Flow()
            .Send("Book a free consult")
            .AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("free consult", text);
                Assert.Contains("physiotherapy or chiropractic care", text);
                Assert.Contains("no obligation", text);
                Assert.Contains("cancel", text);
                Assert.Equal(("consult", "intro"), (Kind(activity), Step(activity)));
            })
            .AssertReply(activity => Assert.Equal("What's your name?", Text(activity)))
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Says_honestly_when_the_article_does_not_cover_a_question_and_offers_the_consult()
    {
        await _harness.Flow()
            .Send("can you recommend a good dentist downtown")
            .AssertReply(activity =>
            {
                var text = ((IMessageActivity)activity).Text;
                Assert.Contains("can't answer that from the clinic's article", text);
                Assert.DoesNotContain("- Does ART hurt?", text);
                Assert.Contains("Does ART hurt?", Buttons(activity));
                Assert.Equal("fallback", Kind(activity));
                Assert.Null(ArtBotData(activity)!["id"]);
                Assert.Contains("Book a free consult", Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Records_an_unanswered_question_for_review_without_the_persons_contact_details()
    {
        await _harness.Flow()
            .Send("can you recommend a dentist? I'm Dana Smith, call 416-555-0199 or mail dana.smith@example.com")
            .AssertReply(activity => Assert.Equal("fallback", Kind(activity)))
            .StartTestAsync();

        var recorded = Assert.Single(_harness.UnansweredQuestions.Recorded);
        Assert.Equal("can you recommend a dentist? I'm [name], call [phone] or mail [email]", recorded.Question);
        Assert.Equal(Microsoft.Bot.Connector.Channels.Test, recorded.ChannelId);
    }

    [Fact]
    public async Task Does_not_record_questions_it_answered()
    {
        await _harness.Flow().Send("what are adhesions").AssertReply(_ => { }).StartTestAsync();

        Assert.Empty(_harness.UnansweredQuestions.Recorded);
    }

    [Fact]
    public async Task Asks_which_question_was_meant_when_two_topics_are_close()
    {
        var undecided = new FixedClassifier(("is-it-painful", 0.46f), ("side-effects", 0.40f), (Intent.None, 0.14f));
        using var harness = new ConversationHarness(undecided);

        await harness.Flow()
            .Send("is it rough")
            .AssertReply(activity =>
            {
                Assert.StartsWith("I want to be sure", ((IMessageActivity)activity).Text);
                Assert.Equal("clarify", Kind(activity));
                Assert.Equal([Title("is-it-painful"), Title("side-effects")], Buttons(activity));
            })
            .Send(Title("side-effects"))
            .AssertReply(activity => Assert.Equal("side-effects", EntryId(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Falls_back_when_no_topic_is_likely_enough()
    {
        var unsure = new FixedClassifier(("is-it-painful", 0.35f), ("none", 0.33f), ("side-effects", 0.32f));

        using var harness = new ConversationHarness(unsure);

        await harness.Flow()
            .Send("hmm what about that")
            .AssertReply(activity => Assert.Equal("fallback", Kind(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Politely_refuses_a_message_longer_than_the_limit()
    {
        using var harness = new ConversationHarness(options: new AnsweringOptions { MaxMessageLength = 1000 });

        await harness.Flow()
            .Send(string.Concat(Enumerable.Repeat("does it hurt ", 1600)))
            .AssertReply(activity =>
            {
                Assert.Contains("too long", ((IMessageActivity)activity).Text);
                Assert.Contains("20,799 characters", ((IMessageActivity)activity).Text);
                Assert.Equal("notice", Kind(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Says_it_can_only_read_text_when_sent_an_image()
    {
        var image = MessageFactory.Attachment(new Attachment("image/png", "https://example.org/knee.png"));

        await _harness.Flow()
            .Send(image)
            .AssertReply(activity => Assert.Contains("I can only read text", ((IMessageActivity)activity).Text))
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Ignores_its_own_mention_in_a_Teams_channel_message()
    {
        var mention = new Mention { Mentioned = new ChannelAccount("bot", "ArtBot"), Text = "<at>ArtBot</at>" };
        var message = MessageFactory.Text("<at>ArtBot</at> " + Title("side-effects"));
        message.Entities = [mention];
        message.Recipient = new ChannelAccount("bot", "ArtBot");

        await _harness.Flow()
            .Send(message)
            .AssertReply(activity =>
            {
                // Only the exact title, once the mention is gone, is answered with full confidence.
                Assert.Equal("side-effects", EntryId(activity));
                Assert.Equal(1.0, (double)ArtBotData(activity)!["confidence"]!);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Puts_the_buttons_on_the_only_message_of_each_turn()
    {
        var flow = _harness.Flow();
        foreach (var question in new[] { "hi", "is ART safe", "what is the meaning of life", "thanks" })
        {
            flow = flow.Send(question)
                .AssertReply(activity => Assert.NotEmpty(Buttons(activity)))
                .AssertNoMoreReplies();
        }
        await flow.StartTestAsync();
    }

    [Fact]
    public async Task Never_loads_the_AdaptiveCards_library_during_a_whole_conversation()
    {
        await _harness.Flow()
            .Send(MembersAdded("visitor")).AssertReply(_ => { })
            .Send("what is ART").AssertReply(_ => { })
            .Send("Side effects").AssertReply(_ => { })
            .Send("what's the price").AssertReply(_ => { })
            .Send("Book a free consult").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("cancel").AssertReply(_ => { })
            .Send("bye").AssertReply(_ => { })
            .StartTestAsync();

        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), assembly => assembly.GetName().Name == "AdaptiveCards");
    }

    private static Activity MembersAdded(string memberId) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount(memberId)],
        Recipient = new ChannelAccount("bot", "ArtBot"),
    };

    private sealed class FixedClassifier(params (string Intent, float Score)[] scores) : IIntentClassifier
    {
        public IntentRanking Classify(string text) =>
            new(scores.Select(score => new Knowledge.Intents.IntentScore(score.Intent, score.Score)).OrderByDescending(score => score.Score).ToList());
    }
}
