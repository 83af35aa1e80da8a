using ArtBot.Bot.Answering;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Safety;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Turns;

/// <summary>
/// One message being handled, read once: the turn, the text the person wrote (without the bot's @mention), its
/// encoding (made once, when the screen or the classifier first reads it), the booking form when the message sends
/// one, and what the safety screen found in them.
/// </summary>
public sealed record MessageTurn(ITurnContext<IMessageActivity> Context, SentenceEncoding Encoded, Consult.ConsultFormSubmission? Form, SafetyVerdict Verdict)
{
    public string Question => Encoded.Text;

    /// <summary>Whether the message tries to steer the bot or is gibberish (<see cref="OffTopicGuard"/>): declined, never read as a health question or a topic.</summary>
    public bool IsDeclined { get; } = OffTopicGuard.ShouldDecline(Encoded.Text);
}
