using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Knowledge.Intents;

/// <summary>
/// A hash of the training utterances and the sentence encoder: the same data and encoder give the same fingerprint,
/// whatever the file order or line endings, and a new encoder version means retrain.
/// </summary>
public static class TrainingDataFingerprint
{
    public static string Compute(UtteranceSet utterances, string encoderName)
    {
        var canonical = new StringBuilder().Append("encoder\t").Append(encoderName).Append('\n');
        foreach (var utterance in utterances.All.OrderBy(u => u.Intent, StringComparer.Ordinal).ThenBy(u => u.Text, StringComparer.Ordinal))
        {
            canonical.Append(utterance.Intent).Append('\t').Append(utterance.Text).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
