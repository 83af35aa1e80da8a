using System.Text.RegularExpressions;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Intents;

namespace ArtBot.Knowledge.Validation;

/// <summary>
/// Checks the knowledge base against its article and the utterances against the knowledge base.
/// The bot and the trainer both run it at start, so a broken file is refused before anyone is answered from it.
/// </summary>
public static partial class KnowledgeBaseValidator
{
    private const string KbFile = KnowledgeFiles.KnowledgeBaseFileName;
    private const int MinimumRelated = 2;
    private const int MaximumRelated = 3;

    public static IReadOnlyList<KnowledgeProblem> Validate(KnowledgeBaseDocument document, string article)
    {
        var problems = new List<KnowledgeProblem>();
        var collapsedArticle = TextComparison.CollapseWhiteSpace(article);
        var ids = document.Entries.Select(entry => entry.Id).ToHashSet(StringComparer.Ordinal);

        CheckSource(document.Source, problems);
        CheckCannedMessage("welcome", document.Welcome, ids, problems);
        CheckCannedMessage("fallback", document.Fallback, ids, problems);
        CheckCannedMessage("clarify", document.Clarify, ids, problems);
        CheckCannedMessage("clinicFactMissing", document.ClinicFactMissing, ids, problems);
        CheckCannedMessage("booked", document.Booked, ids, problems);

        foreach (var (entry, index) in document.Entries.Select((entry, index) => (entry, index)))
        {
            var name = string.IsNullOrWhiteSpace(entry.Id) ? $"#{index + 1}" : entry.Id;
            CheckEntry(entry, name, ids, collapsedArticle, problems);
        }
        foreach (var duplicate in document.Entries.GroupBy(entry => entry.Id).Where(group => group.Count() > 1))
        {
            problems.Add(new(KbFile, duplicate.Key, "id", "the id is used by more than one entry"));
        }
        foreach (var duplicate in document.Entries.GroupBy(entry => TextComparison.Normalize(entry.Title)).Where(group => group.Key.Length > 0 && group.Count() > 1))
        {
            problems.Add(new(KbFile, duplicate.Last().Id, "title", $"the title is also used by '{duplicate.First().Id}'; buttons could not tell them apart"));
        }
        if (!ids.Contains(KnowledgeBase.ConsultEntryId))
        {
            problems.Add(new(KbFile, KnowledgeBase.ConsultEntryId, "id", "the consult entry is missing; the bot hands people over to the clinic through it"));
        }
        return problems;
    }

    /// <summary>Checks that every intent has enough examples and that no example is filed under two intents.</summary>
    public static IReadOnlyList<KnowledgeProblem> ValidateUtterances(UtteranceSet utterances, KnowledgeBaseDocument document, UtteranceRules rules, string folderName)
    {
        var problems = new List<KnowledgeProblem>();
        var intents = document.Entries.Select(entry => entry.Id).Append(Intent.None).ToHashSet(StringComparer.Ordinal);

        foreach (var unknown in utterances.Intents.Where(intent => !intents.Contains(intent)))
        {
            problems.Add(new($"{folderName}/{unknown}.txt", unknown, "intent", "no knowledge-base entry has this id; rename the file or add the entry"));
        }
        foreach (var intent in intents.Order(StringComparer.Ordinal))
        {
            var count = utterances.For(intent).Count();
            var minimum = rules.MinimumFor(intent, document);
            if (count < minimum)
            {
                problems.Add(new($"{folderName}/{intent}.txt", intent, "utterances", $"has {count} utterances; at least {minimum} are needed"));
            }
        }
        foreach (var group in utterances.All.GroupBy(utterance => TextComparison.Normalize(utterance.Text)).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var repeat in group.Skip(1))
            {
                var message = repeat.Intent == first.Intent
                    ? $"\"{repeat.Text}\" is already on line {first.Line}"
                    : $"\"{repeat.Text}\" is also under intent '{first.Intent}' ({first.File} line {first.Line}); an utterance belongs to one intent";
                problems.Add(new($"{folderName}/{repeat.File}", repeat.Intent, $"line {repeat.Line}", message));
            }
        }
        return problems;
    }

    /// <summary>Checks that no held-out utterance was also used for training, which would flatter the figures.</summary>
    public static IReadOnlyList<KnowledgeProblem> ValidateHeldOut(UtteranceSet heldOut, UtteranceSet training, string folderName)
    {
        var trained = training.All
            .GroupBy(utterance => TextComparison.Normalize(utterance.Text))
            .ToDictionary(group => group.Key, group => group.First());
        return heldOut.All
            .Where(utterance => trained.ContainsKey(TextComparison.Normalize(utterance.Text)))
            .Select(utterance =>
            {
                var original = trained[TextComparison.Normalize(utterance.Text)];
                return new KnowledgeProblem($"{folderName}/{utterance.File}", utterance.Intent, $"line {utterance.Line}",
                    $"\"{utterance.Text}\" is also a training utterance ({original.File} line {original.Line}); held-out data must be unseen");
            })
            .ToList();
    }

    private static void CheckSource(ArticleSource source, List<KnowledgeProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(source.Title))
        {
            problems.Add(new(KbFile, "source", "title", "the article's title is missing"));
        }
        if (string.IsNullOrWhiteSpace(source.Author))
        {
            problems.Add(new(KbFile, "source", "author", "the article's author is missing"));
        }
        if (string.IsNullOrWhiteSpace(source.Origin))
        {
            problems.Add(new(KbFile, "source", "origin", "where the article comes from is missing"));
        }
        if (source.Url.Length > 0 && !(Uri.TryCreate(source.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            problems.Add(new(KbFile, "source", "url", $"the article's address must be an https address, not '{source.Url}'"));
        }
    }

    private static void CheckCannedMessage(string name, CannedMessage message, HashSet<string> ids, List<KnowledgeProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            problems.Add(new(KbFile, name, "text", "the message text is missing"));
        }
        foreach (var unknown in message.Suggestions.Where(id => !ids.Contains(id)))
        {
            problems.Add(new(KbFile, name, "suggestions", $"suggests '{unknown}', which is not an entry id"));
        }
    }

    private static void CheckEntry(KnowledgeEntry entry, string name, HashSet<string> ids, string collapsedArticle, List<KnowledgeProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            problems.Add(new(KbFile, name, "id", "the id is missing"));
        }
        else if (!IdPattern().IsMatch(entry.Id) || entry.Id == Intent.None)
        {
            problems.Add(new(KbFile, name, "id", $"ids are lower-case words joined by hyphens, and '{Intent.None}' is reserved"));
        }
        if (string.IsNullOrWhiteSpace(entry.Title))
        {
            problems.Add(new(KbFile, name, "title", "the title is missing; it is shown on buttons"));
        }
        if (string.IsNullOrWhiteSpace(entry.Answer))
        {
            problems.Add(new(KbFile, name, "answer", "the answer is missing"));
        }
        if (entry.IsArticleTopic && entry.Passages.Count == 0)
        {
            problems.Add(new(KbFile, name, "passages", "an answer from the article must quote the passage it is drawn from"));
        }
        if (entry.ClinicFact is { } fact)
        {
            CheckClinicFact(entry, name, fact, problems);
        }
        foreach (var (passage, index) in entry.Passages.Select((passage, index) => (passage, index)))
        {
            if (string.IsNullOrWhiteSpace(passage) || !collapsedArticle.Contains(TextComparison.CollapseWhiteSpace(passage), StringComparison.Ordinal))
            {
                problems.Add(new(KbFile, name, $"passages[{index}]", $"\"{Shorten(passage)}\" is not quoted exactly from the article"));
            }
        }
        if (entry.Related.Count is < MinimumRelated or > MaximumRelated)
        {
            problems.Add(new(KbFile, name, "related", $"lists {entry.Related.Count} related entries; {MinimumRelated} or {MaximumRelated} are suggested after an answer"));
        }
        foreach (var related in entry.Related)
        {
            if (related == entry.Id)
            {
                problems.Add(new(KbFile, name, "related", "an entry cannot suggest itself"));
            }
            else if (!ids.Contains(related))
            {
                problems.Add(new(KbFile, name, "related", $"'{related}' is not an entry id"));
            }
        }
    }

    private static void CheckClinicFact(KnowledgeEntry entry, string name, string fact, List<KnowledgeProblem> problems)
    {
        if (!ClinicFacts.Ids.Contains(fact))
        {
            problems.Add(new(KbFile, name, "clinicFact", $"'{fact}' is not a clinic fact; use one of {string.Join(", ", ClinicFacts.Ids)}"));
        }
        if (!entry.Answer.Contains(ClinicFacts.Placeholder, StringComparison.Ordinal))
        {
            problems.Add(new(KbFile, name, "answer", $"a clinic fact's answer must show the fact with {ClinicFacts.Placeholder}"));
        }
        if (string.IsNullOrWhiteSpace(entry.FactName))
        {
            problems.Add(new(KbFile, name, "factName", "name the fact for when it is not filled in (\"opening hours\")"));
        }
        if (entry.Passages.Count > 0)
        {
            problems.Add(new(KbFile, name, "passages", "a clinic fact comes from the clinic's settings, not the article"));
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
