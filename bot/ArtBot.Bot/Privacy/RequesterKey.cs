using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.Privacy;

/// <summary>A person, as a one-way hash of their channel and user id: stored with their requests so "forget me" can find them.</summary>
public static class RequesterKey
{
    public static string For(IActivity activity) => Hash($"{activity.ChannelId}\n{activity.From?.Id}");

    /// <summary>A conversation, as a one-way hash of its channel and id.</summary>
    public static string ForConversation(IActivity activity) => Hash($"{activity.ChannelId}\nconversation\n{activity.Conversation?.Id}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
