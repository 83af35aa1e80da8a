using ArtBot.Bot.Answering;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Clinic;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Safety;
using Microsoft.Extensions.Options;

namespace ArtBot.Bot.Safety;

/// <summary>
/// The reply to a red flag: the fixed message of its tier, and nothing else. Emergencies, self-harm and urgent signs get
/// no buttons (no answer, no booking pitch); a request for a personal assessment is offered the consult.
/// </summary>
public sealed class SafetyReplies(KnowledgeBase knowledgeBase, IOptions<ClinicOptions> clinic)
{
    public const string ClinicPhonePlaceholder = "{clinicPhone}";

    public Reply For(SafetyVerdict verdict)
    {
        var phone = clinic.Value.Fact(ClinicFacts.Phone);
        var text = verdict.Message.Replace(ClinicPhonePlaceholder, phone is null ? "" : $" at **{phone}**", StringComparison.Ordinal);
        IReadOnlyList<string> buttons = verdict.Tier == SafetyTier.Assessment ? [knowledgeBase.ConsultEntry.Title] : [];
        return new Reply(ReplyKind.Safety, text, buttons) { Tier = SafetyTiers.Name(verdict.Tier) };
    }
}
