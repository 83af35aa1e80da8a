using System.Text.RegularExpressions;

namespace ArtBot.Bot.Answering;

/// <summary>
/// Recognises a message that only makes sense with the previous answer ("what about my shoulder?", "and for shin
/// splints?", "does that hurt?"), so it is read with the conversation's last topic rather than on its own.
/// </summary>
public static partial class FollowUps
{
    private const int MaximumWords = 8;

    public static bool Looks(string message)
    {
        var words = message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= MaximumWords && (Opening().IsMatch(message) || (words <= 4 && Pronoun().IsMatch(message)));
    }

    [GeneratedRegex(@"^\s*(and|also|plus|what about|how about|wh?at abt|what if|and if|same (for|with)|for|with|even (for|with)|does that|do they|is that|would that|will that|can that|could that|does it also|and does|and is|and can|ok and|okay and|so)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();

    [GeneratedRegex(@"\b(that|this|it|them|those)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pronoun();
}
