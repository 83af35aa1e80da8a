using ArtBot.Bot.Turns;
using ArtBot.Bot.Tests.Bots;
using ArtBot.Bot.Tests.Consult;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Linq;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;

namespace ArtBot.Bot.Tests.Safety;

/// <summary>Red flags are answered first, with their fixed message and nothing else, whatever else is going on.</summary>
public sealed class RedFlagTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("I have crushing chest pain and my left arm hurts")]
    [InlineData("my dad's face is drooping on one side and his speech is slurred")]
    [InlineData("i cant breath properly")]
    [InlineData("after my neck adjustment I have the worst headache of my life and double vision")]
    public async Task Tells_someone_with_emergency_signs_to_call_911_and_says_nothing_else(string message)
    {
        await _harness.Flow()
            .Send(message)
            .AssertReply(activity =>
            {
                Assert.Contains("call [911](tel:911) now", Text(activity));
                Assert.Equal(("safety", "emergency"), (Kind(activity), Tier(activity)));
                Assert.Empty(Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Gives_the_crisis_line_when_the_words_hide_invisible_characters()
    {
        await _harness.Flow()
            .Send("i want to k\u200Bill my\u00ADself")
            .AssertReply(activity =>
            {
                Assert.Contains("[988](tel:988)", Text(activity));
                Assert.Equal("self-harm", Tier(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Gives_the_crisis_line_to_someone_thinking_of_self_harm()
    {
        await _harness.Flow()
            .Send("honestly i don't want to be here anymore")
            .AssertReply(activity =>
            {
                Assert.Contains("[988](tel:988)", Text(activity));
                Assert.Equal("self-harm", Tier(activity));
                Assert.Empty(Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task Sends_worrying_signs_after_treatment_to_the_clinic_today_with_its_number()
    {
        await _harness.Flow()
            .Send("the bruise from my session keeps getting bigger")
            .AssertReply(activity =>
            {
                Assert.Contains($"contact the clinic at [{ClinicPhone}](tel:+14165550100) or your doctor today", Text(activity));
                Assert.Equal("urgent", Tier(activity));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Does_not_assess_anyone_personally_and_offers_the_consult_instead()
    {
        await _harness.Flow()
            .Send("should I stop my blood pressure medication before the session?")
            .AssertReply(activity =>
            {
                Assert.Contains("I can't assess your situation personally", Text(activity));
                Assert.Equal(["Book a free consult"], Buttons(activity));
                Assert.Equal("assessment", Tier(activity));
            })
            .Send("yes")
            .AssertReply(activity => Assert.Equal("intro", Step(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Is_ART_right_for_my_condition_gets_the_article_on_conditions_then_the_consult_line()
    {
        await _harness.Flow()
            .Send("is ART right for my herniated disc?")
            .AssertReply(activity => Assert.Equal("answer", Kind(activity)))
            .AssertReply(activity =>
            {
                Assert.Equal(SafetyReplies.AssessmentAfterAnswer, Text(activity));
                Assert.Equal(["Book a free consult"], Buttons(activity));
            })
            .Send("yes")
            .AssertReply(activity => Assert.Equal("intro", Step(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task An_emergency_in_the_middle_of_a_booking_comes_first_and_says_the_booking_is_kept()
    {
        await ConsultFlowTests.AnswerSteps(ConsultFlowTests.StartBooking(_harness.Flow()), 1)
            .Send("wait I'm getting chest pain and I'm sweating")
            .AssertReply(activity =>
            {
                Assert.Equal("emergency", Tier(activity));
                Assert.Contains("Your booking is kept", Text(activity));
                Assert.Equal(["Go on with my booking", "Cancel the booking"], Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_reply_to_a_safety_message_is_not_saved_as_the_bookings_answer_and_the_question_is_asked_again()
    {
        await ConsultFlowTests.StartBooking(_harness.Flow())
            .Send("Sam")
            .AssertReply(activity => Assert.Equal("contact", Step(activity)))
            .Send("416 555 0199")
            .AssertReply(activity => Assert.Equal("mode", Step(activity)))
            .Send("Phone call")
            .AssertReply(activity => Assert.Equal("time", Step(activity)))
            .Send("Morning")
            .AssertReply(activity => Assert.Equal("concern", Step(activity)))
            .Send("my shoulder is sore and now I have crushing chest pain")
            .AssertReply(activity => Assert.Equal("emergency", Tier(activity)))
            .Send("its not an emergency its just sore")
            .AssertReply(activity =>
            {
                Assert.Equal("concern", Step(activity));
                Assert.StartsWith("Back to your booking. In a few words, what hurts?", Text(activity));
            })
            .Send("shoulder, can't lift it overhead for three weeks")
            .AssertReply(activity => Assert.Equal("consent", Step(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_the_booking_after_a_safety_message_cancels_it()
    {
        await ConsultFlowTests.AnswerSteps(ConsultFlowTests.StartBooking(_harness.Flow()), 1)
            .Send("the bruise from my session keeps getting bigger")
            .AssertReply(activity => Assert.Equal("urgent", Tier(activity)))
            .Send("Cancel the booking")
            .AssertReply(activity => Assert.Equal("cancelled", Step(activity)))
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }

    [Theory]
    [InlineData("shoulder is stiff and i can't lift my arm")]
    [InlineData("frozen shoulder, can't raise my arm")]
    [InlineData("my arm feels weak after gardening")]
    [InlineData("neck is stiff and I get headaches")]
    [InlineData("back pain after lifting, no numbness")]
    [InlineData("this knee is killing me, it'll be the death of me")]
    [InlineData("legs wobbly after my first spin class")]
    public async Task Everyday_complaints_are_answered_not_sent_to_911(string message)
    {
        await _harness.Flow()
            .Send(message)
            .AssertReply(activity => Assert.NotEqual("safety", Kind(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Self_harm_said_indirectly_before_an_ordinary_question_gets_the_crisis_line_and_nothing_else()
    {
        await _harness.Flow()
            .Send("I've been writing goodbye letters to my kids. anyway, does ART hurt?")
            .AssertReply(activity => Assert.Equal("self-harm", Tier(activity)))
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_the_article_answers_about_the_persons_own_body_gets_the_answer_then_the_consult_line()
    {
        await _harness.Flow()
            .Send("is ART right for me? does it hurt?")
            .AssertReply(activity => Assert.Equal(("answer", "is-it-painful"), (Kind(activity), EntryId(activity))))
            .AssertReply(activity =>
            {
                Assert.Equal("assessment", Tier(activity));
                Assert.Contains("free consult", Text(activity));
                Assert.Equal(["Book a free consult"], Buttons(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
    }

    [Fact]
    public async Task An_emergency_written_in_the_forms_what_hurts_is_answered_and_nothing_is_stored()
    {
        JObject? card = null;
        await _harness.Flow(Channels.Webchat)
            .Send("Book a free consult")
            .AssertReply(_ => { })
            .Send(ArtBot.Bot.Consult.ConsultPrompts.FormPath)
            .AssertReply(activity => card = (JObject)((Microsoft.Bot.Schema.IMessageActivity)activity).Attachments.Single().Content)
            .StartTestAsync();
        var submission = ConsultFormTests.Submission(card!, name: "Dana", contact: "416 555 0199", mode: "phone", time: "any",
            concern: "sudden numbness on one side of my body", consent: "true");

        await _harness.Flow(Channels.Webchat)
            .Send(submission)
            .AssertReply(activity => Assert.Equal("emergency", Tier(activity)))
            .AssertNoMoreReplies()
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }
}
