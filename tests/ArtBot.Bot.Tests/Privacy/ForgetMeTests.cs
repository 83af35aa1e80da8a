using ArtBot.Bot.Consult;
using ArtBot.Bot.Tests.Bots;
using ArtBot.Bot.Tests.Consult;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;

namespace ArtBot.Bot.Tests.Privacy;

public sealed class ForgetMeTests : IDisposable
{
    private readonly ConversationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Deletes_the_persons_requests_and_conversation_after_they_confirm_and_says_what_was_deleted()
    {
        await ConsultFlowTests.AnswerSteps(ConsultFlowTests.StartBooking(_harness.Flow()), 6)
            .Send("Confirm").AssertReply(activity => Assert.Equal("booked", Step(activity)))
            .Send("forget me")
            .AssertReply(activity =>
            {
                Assert.Contains("can't be undone", Text(activity));
                Assert.Equal(["Yes, delete my data", "No, keep it"], Buttons(activity));
            })
            .Send("Yes, delete my data")
            .AssertReply(activity =>
            {
                Assert.Contains("I deleted your consult request", Text(activity));
                Assert.Equal("privacy", Kind(activity));
            })
            .Send("Confirm")
            .AssertReply(activity => Assert.NotEqual("consult", Kind(activity)))
            .StartTestAsync();

        Assert.Empty(_harness.StoredRequests);
    }

    [Fact]
    public async Task Deletes_nothing_when_the_person_says_no()
    {
        await ConsultFlowTests.AnswerSteps(ConsultFlowTests.StartBooking(_harness.Flow()), 6)
            .Send("Confirm").AssertReply(_ => { })
            .Send("please delete my data")
            .AssertReply(_ => { })
            .Send("No, keep it")
            .AssertReply(activity => Assert.Equal("Okay, nothing was deleted.", Text(activity)))
            .StartTestAsync();

        Assert.Single(_harness.StoredRequests);
    }

    [Fact]
    public async Task Leaves_other_peoples_requests_alone()
    {
        await _harness.Store.SaveAsync(new ConsultRequest(
            Guid.NewGuid(), "ART-2345", "test", "Someone Else", ContactDetails.ByEmail("else@example.com"), ConsultMode.Online,
            PreferredTime.Any, null, DateTimeOffset.UtcNow, ConsentWording.Version) { RequesterKey = "another-person" }, CancellationToken.None);

        await _harness.Flow()
            .Send("delete my data").AssertReply(_ => { })
            .Send("yes")
            .AssertReply(activity => Assert.Contains("You had no consult requests stored with us", Text(activity)))
            .StartTestAsync();

        Assert.Equal("Someone Else", Assert.Single(_harness.StoredRequests).Request.Name);
    }
}
