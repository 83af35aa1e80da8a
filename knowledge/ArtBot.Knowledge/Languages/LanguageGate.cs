using ArtBot.Knowledge.Validation;
using Lingua;
using Newtonsoft.Json;

namespace ArtBot.Knowledge.Languages;

/// <summary>
/// Recognises a message written in one of the languages of <c>languages.json</c>, so it gets that language's fixed
/// reply instead of an English answer to a guessed topic. Short English messages full of names ("shin splints",
/// "appt?") look like anything to a detector, so a language is only named when the detector is clearly sure. A message
/// written mostly in another script, or in a language ArtBot has no reply written in, is told in English that ArtBot
/// cannot read it.
/// </summary>
public sealed class LanguageGate
{
    private const double MinimumConfidence = 0.5;
    private const double MaximumEnglishConfidence = 0.15;
    private const int MinimumLetters = 8;
    private const int MinimumOtherScriptLetters = 3;
    private const string FileName = "languages.json";

    /// <summary>
    /// Words that only English of these languages uses: one of them and the message is English, whatever the letters
    /// suggest. Not "is": Dutch and Somali use it too.
    /// </summary>
    private static readonly HashSet<string> EnglishOnlyWords =
        ["the", "does", "what", "how", "my", "you", "your", "this", "that", "with", "and", "of", "are", "hurt", "can", "should", "i'm", "it's", "which", "after", "help", "get", "have"];

    private readonly LanguageDetector _detector;
    private readonly Dictionary<Language, OtherLanguage> _byLanguage;
    private readonly Dictionary<string, OtherLanguage> _byGreeting;
    private readonly Dictionary<OtherLanguage, HashSet<string>> _commonWords;
    private readonly OtherLanguage _otherScript;

    private LanguageGate(LanguagesDocument document, CannotRead cannotRead, IReadOnlyDictionary<OtherLanguage, Language> languages)
    {
        _otherScript = new OtherLanguage { Code = cannotRead.Code, Name = "Another script", Reply = cannotRead.Reply };
        _byLanguage = languages.ToDictionary(pair => pair.Value, pair => pair.Key);
        _byGreeting = document.Languages
            .SelectMany(language => language.Greetings.Select(greeting => (greeting, language)))
            .ToDictionary(pair => pair.greeting, pair => pair.language, StringComparer.OrdinalIgnoreCase);
        _commonWords = languages.Keys.ToDictionary(language => language, language => language.CommonWords.ToHashSet(StringComparer.Ordinal));
        // Low-accuracy mode reads trigrams only: about 40 MB for six languages instead of about 250 MB, and on chat
        // messages of three words or more it names the same language. The thirteen languages without a written reply
        // add about 16 MB.
        _detector = LanguageDetectorBuilder.FromLanguages([Language.English, .. languages.Values]).WithLowAccuracyMode().Build();
    }

    /// <summary>Loads every language's model now, at start-up, rather than in the first turns that need them.</summary>
    public void WarmUp() => _detector.ComputeLanguageConfidenceValues("est-ce que la séance fait mal au dos, necesito una cita");

    /// <summary>The other language <paramref name="message"/> is written in, or null for English or when unsure.</summary>
    public OtherLanguage? Recognise(string message)
    {
        if (MostlyOtherScript(message))
        {
            return _otherScript;
        }
        var trimmed = message.Trim().TrimEnd('!', '.', '?', ' ');
        if (_byGreeting.TryGetValue(trimmed, out var greeted))
        {
            return greeted;
        }
        var words = message.ToLowerInvariant().Split([' ', ',', '.', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        if (message.Count(char.IsLetter) < MinimumLetters || words.Length < 3 || words.Any(EnglishOnlyWords.Contains))
        {
            return null;
        }
        var confidences = _detector.ComputeLanguageConfidenceValues(message);
        var (best, confidence) = confidences.MaxBy(pair => pair.Value);
        var english = confidences.TryGetValue(Language.English, out var value) ? value : 0;
        return best != Language.English && confidence >= MinimumConfidence && english <= MaximumEnglishConfidence
            && _byLanguage.TryGetValue(best, out var language) && words.Any(_commonWords[language].Contains) ? language : null;
    }

    /// <summary>
    /// A third of the letters or more are outside the Latin alphabet: an English question with one name written in
    /// Chinese is still read, a message in Korean with an English word or two is not.
    /// </summary>
    private static bool MostlyOtherScript(string message)
    {
        var letters = 0;
        var otherScript = 0;
        foreach (var character in message.Where(char.IsLetter))
        {
            letters++;
            if (!IsLatin(character))
            {
                otherScript++;
            }
        }
        return otherScript >= MinimumOtherScriptLetters && otherScript * 3 >= letters;
    }

    /// <summary>Basic Latin through Latin Extended-B, IPA, and Latin Extended Additional (Vietnamese).</summary>
    private static bool IsLatin(char letter) => letter <= '\u02AF' || letter is >= '\u1E00' and <= '\u1EFF';

    public static LanguageGate Load(KnowledgeFiles files)
    {
        LanguagesDocument? document;
        try
        {
            document = File.Exists(files.Languages)
                ? JsonConvert.DeserializeObject<LanguagesDocument>(File.ReadAllText(files.Languages), new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
                : throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(FileName, "-", "-", $"the file was not found at {files.Languages}")]);
        }
        catch (JsonException exception)
        {
            throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(FileName, "-", "-", exception.Message)]);
        }
        var problems = new List<KnowledgeProblem>();
        var languages = new Dictionary<OtherLanguage, Language>();
        foreach (var language in document?.Languages ?? [])
        {
            if (Detected(language, problems) is { } detected)
            {
                if (string.IsNullOrWhiteSpace(language.Reply))
                {
                    problems.Add(new(FileName, language.Code, "reply", "the fixed reply is missing"));
                }
                languages[language] = detected;
            }
        }
        var cannotRead = document?.CannotRead;
        if (cannotRead is null || string.IsNullOrWhiteSpace(cannotRead.Reply) || string.IsNullOrWhiteSpace(cannotRead.Code))
        {
            problems.Add(new(FileName, "cannotRead", "reply", "give the code and the English reply to a message ArtBot cannot read"));
        }
        foreach (var language in cannotRead?.Languages ?? [])
        {
            if (Detected(language, problems) is { } detected)
            {
                languages[language with { Reply = cannotRead!.Reply }] = detected;
            }
        }
        return problems.Count > 0 ? throw new InvalidKnowledgeException(files.Directory, problems) : new LanguageGate(document!, cannotRead!, languages);
    }

    private static Language? Detected(OtherLanguage language, List<KnowledgeProblem> problems)
    {
        var detected = Enum.TryParse<IsoCode6391>(language.Code, ignoreCase: true, out var isoCode) && isoCode != IsoCode6391.None
            ? LanguageInfo.GetByIsoCode6391(isoCode)
            : Language.Unknown;
        if (detected is Language.Unknown or Language.English)
        {
            problems.Add(new(FileName, language.Code, "code", "not an ISO 639-1 code of a language the detector knows (and not English)"));
            return null;
        }
        if (language.CommonWords.Count == 0)
        {
            problems.Add(new(FileName, language.Code, "commonWords", "list the language's everyday words (articles, pronouns, \"pain\"): a message must use one"));
        }
        return detected;
    }
}
