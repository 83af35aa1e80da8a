using ArtBot.Bot.Tests.Hosting;
using ArtBot.Bot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Bot.Tests.Bots;

/// <summary>
/// The order a message is handled in, as the running app has it: a red flag before everything (the booking included),
/// then the person's rights, staff, the booking, and only then an answer.
/// </summary>
public sealed class TurnPipelineOrderTests
{
    [Fact]
    public void Every_activity_is_measured_first_and_Teams_sees_answers_after_stale_turns_are_retried()
    {
        using var app = new ArtBotApplication();

        var middleware = app.Services.GetRequiredService<TurnMiddleware>().InOrder.Select(step => step.GetType()).ToList();

        Assert.Equal(
            [typeof(ArtBot.Bot.Observability.TurnMetrics), typeof(ArtBot.Bot.Hardening.ConversationRateLimit), typeof(ConversationTurnGate),
                typeof(StaleTurnRetry), typeof(TeamsChannelButtons), typeof(TeamsFeedbackLoop)],
            middleware);
    }

    [Fact]
    public void Red_flags_come_first_and_the_answer_last()
    {
        using var app = new ArtBotApplication();

        var steps = app.Services.GetRequiredService<TurnPipeline>().Steps.Select(step => step.GetType()).ToList();

        Assert.Equal(
            [typeof(RedFlagStep), typeof(ForgetMeStep), typeof(StaffCommandStep), typeof(StartOverStep), typeof(BookingInProgressStep), typeof(AssessmentStep), typeof(UnreadableMessageStep), typeof(AnsweringStep)],
            steps);
    }

    [Fact]
    public async Task A_red_flag_in_the_middle_of_a_booking_is_answered_before_the_booking_reads_it()
    {
        using var app = new ArtBotApplication();
        var chat = new BotConversationClient(app.CreateClient(), "order-" + Guid.NewGuid().ToString("N"));
        await chat.SayAsync("Book a free consult");
        await chat.SayAsync("Answer a few questions");

        var reply = (await chat.SayAsync("I have crushing chest pain and my left arm is numb")).First();

        Assert.Equal("safety", (string?)reply["channelData"]!["artbot"]!["kind"]);
        Assert.Equal("emergency", (string?)reply["channelData"]!["artbot"]!["tier"]);
    }
}
