using ArtBot.Knowledge.Safety;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Turns;

/// <summary>One message being handled: the turn, the text the person wrote (without the bot's @mention), and what the safety screen found in it.</summary>
public sealed record MessageTurn(ITurnContext<IMessageActivity> Context, string Question, SafetyVerdict Verdict);
