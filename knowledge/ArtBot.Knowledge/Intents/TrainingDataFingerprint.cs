using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Knowledge.Intents;

/// <summary>A hash of the training utterances: the same data gives the same fingerprint, whatever the file order or line endings.</summary>
public static class TrainingDataFingerprint
{
    public static string Compute(UtteranceSet utterances)
    {
        var canonical = new StringBuilder();
        foreach (var utterance in utterances.All.OrderBy(u => u.Intent, StringComparer.Ordinal).ThenBy(u => u.Text, StringComparer.Ordinal))
        {
            canonical.Append(utterance.Intent).Append('\t').Append(utterance.Text).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
