using ArtBot.TestSupport;
using ArtBot.Bot.Consult;
using Microsoft.Bot.Builder.Adapters;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;
using ArtBot.Bot.Tests.Bots;

namespace ArtBot.Bot.Tests.Consult;

/// <summary>The free-consult booking, a conversation at a time, through the Bot Framework's TestAdapter.</summary>
public sealed class ConsultFlowTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Offers_Cancel_on_every_step_and_thanks_for_the_name_once_even_after_an_answer_that_did_not_fit()
    {
        await StartBooking(_harness.Flow())
            .Send("Jamie Lee")
            .AssertReply(activity => Assert.Equal(["Cancel"], Buttons(activity)))
            .Send("not sure")
            .AssertReply(activity =>
            {
                Assert.DoesNotContain("Thanks", Text(activity));
                Assert.Contains("How can the clinic reach you?", Text(activity));
                Assert.Contains("Cancel", Buttons(activity));
            })
            .Send("jamie@example.com")
            .AssertReply(activity => Assert.Contains("Cancel", Buttons(activity)))
            .Send("Online (video)")
            .AssertReply(activity => Assert.Contains("Cancel", Buttons(activity)))
            .Send("Any time")
            .AssertReply(activity => Assert.Contains("Cancel", Buttons(activity)))
            .Send("Skip")
            .AssertReply(activity =>
            {
                Assert.Contains("Your email address will never be sold", Text(activity));
                Assert.Contains("Cancel", Buttons(activity));
            })
            .Send("Yes, I agree")
            .AssertReply(activity => Assert.Contains("Cancel", Buttons(activity)))
            .Send("Change")
            .AssertReply(activity => Assert.Contains("Cancel", Buttons(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Books_a_phone_consult_and_gives_a_reference()
    {
        string? reference = null;
        await StartBooking(_harness.Flow())
            .Send("Dana Smith")
            .AssertReply(activity => Assert.Contains("Thanks, Dana Smith. How can the clinic reach you?", Text(activity)))
            .Send("(416) 555-0199")
            .AssertReply(activity => Assert.Equal(["Phone call", "Online (video)", "Cancel"], Buttons(activity)))
            .Send("Phone call")
            .AssertReply(activity => Assert.Equal("time", Step(activity)))
            .Send("Morning")
            .AssertReply(activity => Assert.Equal("concern", Step(activity)))
            .Send("My right shoulder aches when I lift things")
            .AssertReply(activity =>
            {
                Assert.Contains("appointment reminders, exercise plans, plans of care and related services", Text(activity));
                Assert.Contains("Your phone number will never be sold", Text(activity));
                Assert.Contains("unsubscribe at any time", Text(activity));
                Assert.Equal(["Yes, I agree", "No", "Cancel"], Buttons(activity));
            })
            .Send("Yes, I agree")
            .AssertReply(activity =>
            {
                Assert.Contains("- Name: Dana Smith", Text(activity));
                Assert.Contains("- Contact: phone \\+1 416\\-555\\-0199", Text(activity));
                Assert.Contains("- Consult: phone call, in the morning", Text(activity));
                Assert.Contains("- What hurts: My right shoulder aches when I lift things", Text(activity));
                Assert.Equal(["Confirm", "Change", "Cancel"], Buttons(activity));
            })
            .Send("Confirm")
            .AssertReply(activity =>
            {
                reference = Reference(activity);
                Assert.Matches("^ART-[2-9A-HJ-NP-Z]{4}$", reference);
                Assert.Contains($"Your reference is **{reference}**", Text(activity));
                Assert.Contains("the clinic will call you on \\+1 416\\-555\\-0199 to arrange your free consult (phone call, in the morning)", Text(activity));
                Assert.Equal("booked", Step(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();

        var stored = Assert.Single(_harness.StoredRequests);
        Assert.Equal(reference, stored.Reference);
        Assert.Equal(("Dana Smith", "+14165550199", (string?)null), (stored.Request.Name, stored.Request.Contact.Phone, stored.Request.Contact.Email));
        Assert.Equal((ConsultMode.PhoneCall, PreferredTime.Morning), (stored.Request.Mode, stored.Request.Time));
        Assert.Equal("My right shoulder aches when I lift things", stored.Request.Concern);
        Assert.Equal(ConsentWording.Version, stored.Request.ConsentVersion);
        Assert.True(DateTimeOffset.UtcNow - stored.Request.ConsentGivenAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Books_an_online_consult_by_email_without_saying_what_hurts()
    {
        await _harness.Flow()
            .Send("can you book me in")
            .AssertReply(activity => Assert.Equal("intro", Step(activity)))
            .AssertReply(activity => Assert.Equal("name", Step(activity)))
            .Send("Jo")
            .AssertReply(_ => { })
            .Send("jo.lee@example.ca")
            .AssertReply(_ => { })
            .Send("video please")
            .AssertReply(_ => { })
            .Send("any time")
            .AssertReply(_ => { })
            .Send("Skip")
            .AssertReply(_ => { })
            .Send("yes")
            .AssertReply(activity => Assert.Contains("- What hurts: not given", Text(activity)))
            .Send("Confirm")
            .AssertReply(activity => Assert.Contains("the clinic will email you", Text(activity)))
            .StartTestAsync();

        var stored = Assert.Single(_harness.StoredRequests).Request;
        Assert.Equal(("jo.lee@example.ca", (string?)null), (stored.Contact.Email, stored.Contact.Phone));
        Assert.Equal((ConsultMode.Online, PreferredTime.Any, (string?)null), (stored.Mode, stored.Time, stored.Concern));
    }

    [Theory]
    [InlineData(0, "R2-D2 4000", "looks like contact details")]
    [InlineData(1, "dana@example", "isn't a complete domain")]
    [InlineData(1, "dana@@example.com", "only one @")]
    [InlineData(1, "555 01", "looks incomplete")]
    [InlineData(1, "call me maybe", "phone number (with the area code) or an email address")]
    [InlineData(2, "by carrier pigeon", "phone call or an online (video) consult")]
    [InlineData(3, "next tuesday", "morning, afternoon, evening or any time")]
    [InlineData(5, "perhaps", "Please answer yes or no")]
    public async Task Gives_the_reason_and_asks_the_same_question_again(int answersBefore, string invalid, string reason)
    {
        string[] steps = ["name", "contact", "mode", "time", "concern", "consent"];
        await AnswerSteps(StartBooking(_harness.Flow()), answersBefore)
            .Send(invalid)
            .AssertReply(activity =>
            {
                Assert.Contains(reason, Text(activity));
                Assert.Equal(steps[answersBefore], Step(activity));
            })
            .AssertNoMoreReplies()
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }

    [Fact]
    public async Task Refuses_a_description_of_what_hurts_over_500_characters()
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 4)
            .Send(new string('x', 501))
            .AssertReply(activity =>
            {
                Assert.Contains("please keep it under 500", Text(activity));
                Assert.Equal("concern", Step(activity));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Offers_to_cancel_after_three_invalid_answers()
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 1)
            .Send("nope").AssertReply(activity => Assert.DoesNotContain("If you'd rather stop", Text(activity)))
            .Send("still no").AssertReply(activity => Assert.DoesNotContain("If you'd rather stop", Text(activity)))
            .Send("hmm").AssertReply(activity =>
            {
                Assert.Contains("If you'd rather stop, tap **Cancel**: nothing will be saved.", Text(activity));
                Assert.Contains(ClinicPhone, Text(activity));
                Assert.Contains("Cancel", Buttons(activity));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData(0, "cancel")]
    [InlineData(1, "stop")]
    [InlineData(2, "never mind")]
    [InlineData(3, "Cancel")]
    [InlineData(4, "cancel")]
    [InlineData(5, "forget it")]
    [InlineData(6, "Cancel")]
    public async Task Cancelling_at_any_step_stores_nothing_and_forgets_the_answers(int answersBefore, string cancel)
    {
        await AnswerSteps(StartBooking(_harness.Flow()), answersBefore)
            .Send(cancel)
            .AssertReply(activity =>
            {
                Assert.Contains("cancelled the booking. Nothing was saved", Text(activity));
                Assert.Equal("cancelled", Step(activity));
            })
            .Send("Confirm")
            .AssertReply(activity => Assert.NotEqual("consult", Kind(activity)))
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }

    [Theory]
    [InlineData("start over")]
    [InlineData("Restart")]
    [InlineData("menu")]
    public async Task Starting_over_in_the_middle_sets_the_booking_aside_and_shows_the_welcome(string startOver)
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 3)
            .Send(startOver)
            .AssertReply(activity =>
            {
                Assert.StartsWith("Okay, let's start again. I set your booking aside: nothing was sent to the clinic.", Text(activity));
                Assert.Equal("welcome", Kind(activity));
                Assert.Contains("Book a free consult", Buttons(activity));
            })
            .Send("Morning")
            .AssertReply(activity => Assert.NotEqual("consult", Kind(activity)))
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }

    [Fact]
    public async Task Starting_over_outside_a_booking_shows_the_welcome()
    {
        await _harness.Flow()
            .Send("start over")
            .AssertReply(activity =>
            {
                Assert.StartsWith("Okay, let's start again.", Text(activity));
                Assert.DoesNotContain("booking", Text(activity));
                Assert.Equal("welcome", Kind(activity));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("how much does it cost", "I don't have the clinic's prices to hand")]
    [InlineData("can i talk to a real person", "automated assistant")]
    public async Task Answers_a_clinic_question_in_the_middle_and_asks_the_same_question_again(string question, string answered)
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 2)
            .Send(question)
            .AssertReply(activity =>
            {
                Assert.Equal("clinic", Kind(activity));
                Assert.Contains(answered, Text(activity));
                Assert.Empty(Buttons(activity));
            })
            .AssertReply(activity =>
            {
                Assert.StartsWith("Now, back to your booking.", Text(activity));
                Assert.Equal("mode", Step(activity));
            })
            .Send("Phone call")
            .AssertReply(activity => Assert.Equal("time", Step(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Answers_a_question_about_ART_in_the_middle_and_resumes_at_the_same_step()
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 1)
            .Send("wait, does ART hurt?")
            .AssertReply(activity =>
            {
                Assert.Contains("not generally painful", Text(activity));
                Assert.Empty(Buttons(activity));
            })
            .AssertReply(activity =>
            {
                Assert.StartsWith("Now, back to your booking.", Text(activity));
                Assert.Contains("How can the clinic reach you?", Text(activity));
                Assert.Equal("contact", Step(activity));
            })
            .Send("416-555-0199")
            .AssertReply(activity => Assert.Equal("mode", Step(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_in_the_middle_of_a_booking_is_read_from_the_turns_one_encoding()
    {
        const string question = "wait, does ART hurt?";
        var encoder = new CountingEmbedder(SharedEmbedder.Instance);
        using var harness = new ConversationHarness(embedder: encoder);

        await AnswerSteps(StartBooking(harness.Flow()), 1)
            .Send(question)
            .AssertReply(activity => Assert.Contains("not generally painful", Text(activity)))
            .AssertReply(activity => Assert.Equal("contact", Step(activity)))
            .StartTestAsync();

        Assert.Single(encoder.Asked, text => text == question);
    }

    [Fact]
    public async Task Takes_a_question_at_the_name_step_as_a_question_not_a_name()
    {
        await StartBooking(_harness.Flow())
            .Send("what are the side effects")
            .AssertReply(activity => Assert.Equal("side-effects", EntryId(activity)))
            .AssertReply(activity => Assert.Equal("name", Step(activity)))
            .Send("Will Smith")
            .AssertReply(activity => Assert.Contains("Thanks, Will Smith.", Text(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Stores_nothing_when_consent_is_refused()
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 5)
            .Send("No")
            .AssertReply(activity =>
            {
                Assert.Contains("Without your consent I can't pass your details to the clinic, so nothing was saved", Text(activity));
                Assert.Equal("declined", Step(activity));
            })
            .StartTestAsync();
        Assert.Empty(_harness.StoredRequests);
    }

    [Fact]
    public async Task Changes_one_answer_from_the_summary_and_shows_the_summary_again()
    {
        await AnswerSteps(StartBooking(_harness.Flow()), 6)
            .Send("Change")
            .AssertReply(activity => Assert.Contains("Time of day", Buttons(activity)))
            .Send("Time of day")
            .AssertReply(activity => Assert.Equal("time", Step(activity)))
            .Send("Evening")
            .AssertReply(activity =>
            {
                Assert.Equal("summary", Step(activity));
                Assert.Contains("in the evening", Text(activity));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_second_Confirm_does_not_store_the_request_twice()
    {
        string? reference = null;
        await AnswerSteps(StartBooking(_harness.Flow()), 6)
            .Send("Confirm")
            .AssertReply(activity => reference = Reference(activity))
            .Send("Confirm")
            .AssertReply(activity =>
            {
                Assert.Contains("already with the clinic", Text(activity));
                Assert.Equal(reference, Reference(activity));
            })
            .StartTestAsync();
        Assert.Single(_harness.StoredRequests);
    }

    [Fact]
    public async Task Tells_someone_who_already_booked_and_books_again_only_on_purpose()
    {
        var flow = AnswerSteps(StartBooking(_harness.Flow()), 6)
            .Send("Confirm").AssertReply(_ => { })
            .Send("Book a free consult")
            .AssertReply(activity =>
            {
                Assert.Contains("You already asked for a consult in this conversation", Text(activity));
                Assert.Equal(["Book another consult", "No thanks"], Buttons(activity));
            })
            .Send("No thanks")
            .AssertReply(activity => Assert.Equal("cancelled", Step(activity)))
            .Send("Book a free consult")
            .AssertReply(activity => Assert.Equal("rebook", Step(activity)))
            .Send("Book another consult")
            .AssertReply(activity => Assert.Equal("intro", Step(activity)))
            .AssertReply(activity => Assert.Equal("name", Step(activity)));

        await AnswerSteps(flow, 6).Send("Confirm").AssertReply(activity => Assert.Equal("booked", Step(activity))).StartTestAsync();

        Assert.Equal(2, _harness.StoredRequests.Select(request => request.Reference).Distinct().Count());
    }

    [Fact]
    public async Task A_yes_to_the_consult_offer_starts_the_booking()
    {
        await _harness.Flow()
            .Send("can you recommend a good dentist downtown")
            .AssertReply(activity => Assert.EndsWith("would you like to book a free consult?", Text(activity)))
            .Send("yes please")
            .AssertReply(activity => Assert.Equal("intro", Step(activity)))
            .AssertReply(activity => Assert.Equal("name", Step(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_yes_long_after_the_offer_is_not_taken_as_booking()
    {
        await _harness.Flow()
            .Send("can you recommend a good dentist downtown").AssertReply(_ => { })
            .Send("what are adhesions").AssertReply(_ => { })
            .Send("yes")
            .AssertReply(activity => Assert.NotEqual("consult", Kind(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Says_plainly_when_the_request_could_not_be_saved_and_lets_the_person_try_again()
    {
        var store = new FlakyStore(failures: 1);
        using var harness = new ConversationHarness(store: store);

        await AnswerSteps(StartBooking(harness.Flow()), 6)
            .Send("Confirm")
            .AssertReply(activity =>
            {
                Assert.Contains("couldn't save your request", Text(activity));
                Assert.Contains("has **not** reached the clinic", Text(activity));
                Assert.Equal(["Confirm", "Cancel"], Buttons(activity));
                Assert.Contains(ClinicPhone, Text(activity));
                Assert.DoesNotContain("reference", Text(activity));
                Assert.Equal("not-saved", Step(activity));
            })
            .Send("Confirm")
            .AssertReply(activity => Assert.Equal("booked", Step(activity)))
            .StartTestAsync();
        Assert.Single(store.Saved);
    }

    /// <summary>Sends "Book a free consult" and checks the introduction and the first question.</summary>
    internal static TestFlow StartBooking(TestFlow flow) => flow
        .Send("Book a free consult")
        .AssertReply(activity => Assert.Equal("intro", Step(activity)))
        .AssertReply(activity => Assert.Equal("name", Step(activity)));

    /// <summary>Answers the first <paramref name="count"/> questions validly: name, phone, mode, time, what hurts, consent.</summary>
    internal static TestFlow AnswerSteps(TestFlow flow, int count)
    {
        string[] answers = ["Dana Smith", "416 555 0199", "Phone call", "Afternoon", "Sore wrist from typing", "Yes, I agree"];
        foreach (var answer in answers.Take(count))
        {
            flow = flow.Send(answer).AssertReply(_ => { });
        }
        return flow;
    }

    private sealed class FlakyStore(int failures) : IConsultRequestStore
    {
        private int _failuresLeft = failures;

        public List<ConsultRequest> Saved { get; } = [];

        public Task<SaveOutcome> SaveAsync(ConsultRequest request, CancellationToken cancellationToken)
        {
            if (_failuresLeft-- > 0)
            {
                throw new IOException("disk I/O error");
            }
            Saved.Add(request);
            return Task.FromResult(new SaveOutcome(request.Reference, IsNew: true));
        }

        public Task<IReadOnlyList<StoredConsultRequest>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredConsultRequest>>(Saved.Select(request => new StoredConsultRequest(request.Reference, DateTimeOffset.UtcNow, request)).ToList());

        public Task<int> DeleteForPersonAsync(PersonKeys person, CancellationToken cancellationToken) =>
            Task.FromResult(Saved.RemoveAll(request => request.RequesterKey == person.RequesterKey || request.ConversationKey == person.ConversationKey || person.References.Contains(request.Reference)));

        public Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
