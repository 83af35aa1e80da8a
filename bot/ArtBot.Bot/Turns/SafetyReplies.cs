using ArtBot.Bot.Answering;
using ArtBot.Bot.Clinic;
using ArtBot.Bot.Consult;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Safety;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Turns;

/// <summary>
/// The reply to a red flag: the fixed message of its tier, with the clinic's number as a link to tap. Emergencies,
/// self-harm and urgent signs get no answer and no booking pitch; in the middle of a booking they say it is kept and
/// offer to go on with it or cancel it. A request for a personal assessment is offered the consult.
/// </summary>
public sealed class SafetyReplies(KnowledgeBase knowledgeBase, IOptions<ClinicOptions> clinic)
{
    public const string ClinicPhonePlaceholder = "{clinicPhone}";

    public const string GoOnWithBooking = "Go on with my booking";
    public const string CancelBooking = "Cancel the booking";

    /// <summary>After the article's answer to a question that is also about the person's own body.</summary>
    public const string AssessmentAfterAnswer =
        "That's what the article says in general. For your own situation, a physiotherapist or chiropractor can assess you in a free consult (by phone or online, no obligation).";

    public Reply For(SafetyVerdict verdict, bool bookingKept = false)
    {
        var phone = clinic.Value.PhoneLink(withHours: true);
        var text = verdict.Message.Replace(ClinicPhonePlaceholder, phone is null ? "" : $" at {phone}", StringComparison.Ordinal);
        IReadOnlyList<string> buttons = verdict.Tier == SafetyTier.Assessment ? [knowledgeBase.ConsultEntry.Title] : [];
        if (bookingKept)
        {
            text += $"\n\nYour booking is kept. When you're ready, tap **{GoOnWithBooking}**, or **{CancelBooking}**.";
            buttons = [GoOnWithBooking, CancelBooking];
        }
        return new Reply(ReplyKind.Safety, text, buttons) { Tier = SafetyTiers.Name(verdict.Tier) };
    }

    /// <summary>The line that follows the article's answer when the question was also about the person's own situation.</summary>
    public Reply AfterAnswer(SafetyVerdict verdict) =>
        new(ReplyKind.Safety, AssessmentAfterAnswer, [knowledgeBase.ConsultEntry.Title]) { Tier = SafetyTiers.Name(verdict.Tier) };
}
