using ArtBot.Bot.Clinic;
using ArtBot.Bot.Tests.Bots;
using ArtBot.Bot.Tests.WebChat.DirectLine;
using Microsoft.Bot.Builder.Adapters;
using static ArtBot.Bot.Tests.Bots.ConversationHarness;

namespace ArtBot.Bot.Tests.Clinic;

/// <summary>With the clinic's hours set per weekday, a person asking for someone, or for the hours, is told whether the clinic is open now, and a booking says by when the clinic will reply.</summary>
public sealed class OpeningHoursTests
{
    private static readonly Dictionary<string, string> Week = new()
    {
        ["Monday"] = "08:00-19:00", ["Tuesday"] = "08:00-19:00", ["Wednesday"] = "08:00-19:00", ["Thursday"] = "08:00-19:00", ["Friday"] = "08:00-19:00",
        ["Saturday"] = "09:00-13:00", ["Sunday"] = "closed",
    };

    [Theory]
    [InlineData("2026-12-02T10:00:00Z", "The clinic is open now, until 19:00.")]
    [InlineData("2026-12-04T20:00:00Z", "The clinic is closed now; it opens tomorrow at 9:00.")]
    [InlineData("2026-12-05T14:00:00Z", "The clinic is closed now; it opens Monday at 8:00.")]
    [InlineData("2026-12-07T06:30:00Z", "The clinic is closed now; it opens today at 8:00.")]
    public async Task Asking_for_a_person_says_whether_the_clinic_is_open_now(string now, string said)
    {
        using var harness = Harness(now);
        await harness.Flow()
            .Send("can i speak to someone now")
            .AssertReply(activity =>
            {
                Assert.Contains("automated assistant", Text(activity));
                Assert.EndsWith(said, Text(activity));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task The_hours_are_said_from_the_weekdays_when_no_wording_is_set()
    {
        using var harness = Harness("2026-12-02T10:00:00Z");
        await harness.Flow()
            .Send("what are your opening hours")
            .AssertReply(activity => Assert.EndsWith("Monday to Friday 8:00–19:00, Saturday 9:00–13:00. The clinic is open now, until 19:00.", Text(activity)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_booking_sent_late_on_Friday_says_the_clinic_will_call_by_Saturday_morning()
    {
        using var harness = Harness("2026-12-04T18:30:00Z", replyWithin: 2);
        await ArtBot.Bot.Tests.Consult.ConsultFlowTests.AnswerSteps(ArtBot.Bot.Tests.Consult.ConsultFlowTests.StartBooking(harness.Flow()), 6)
            .Send("Confirm")
            .AssertReply(activity => Assert.Contains("by tomorrow at 10:30 to arrange your free consult", Text(activity)))
            .StartTestAsync();
    }

    private static ConversationHarness Harness(string now, int replyWithin = 0) => new(
        clinicOptions: new ClinicOptions { PhoneNumber = ClinicPhone, OpeningHours = Week, ReplyWithinBusinessHours = replyWithin },
        time: new ManualTime { Now = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture) });
}
