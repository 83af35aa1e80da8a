using Microsoft.Bot.Builder.Adapters;

namespace ArtBot.Bot.Tests.Bots;

public static class TestFlowExtensions
{
    /// <summary>
    /// The test adapter runs a turn to its end before the next step, so any reply is already queued:
    /// a short wait proves there is none, where the SDK's default waits three seconds.
    /// </summary>
    public static TestFlow AssertNoMoreReplies(this TestFlow flow) => flow.AssertNoReply("no further reply in this turn", timeout: 100);
}
