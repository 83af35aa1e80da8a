using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Validation;
using ArtBot.Training;

const string Usage = """
    Usage: dotnet run --project training/ArtBot.Training -- <command> [--data <folder>]
      train [--blind <blind-set.tsv>]
                         cross-validate the approaches and trainers, train the best on utterances/train, evaluate on
                         utterances/test, and write intent-model.zip, intent-model.metrics.md and its plots into the data folder
      evaluate           re-score the committed model on utterances/test
      calibrate-safety   choose the semantic safety layer's thresholds, train its self-harm classifier, and write safety/en.calibration.json
      evaluate-safety <set.tsv>...  score the safety screen on labelled sets (tier<TAB>message) and list its mistakes
      distil-static [--dimensions N]
                         distil the encoder into a static token table (Model2Vec method) in the data folder
      compare-static [--blind <blind-set.tsv>] [--gate-only] <safety-set.tsv>...
                         compare the static table with the encoder: alone, with n-grams, as a cascade before the encoder,
                         and as a gate before the safety screen's meaning layer (the sets: every labelled safety set)
      heldout-safety <blind-set.tsv>...
                         hold out one blind set (one writer) at a time, train a classifier on the others, and report how
                         many of the held-out set's first-run misses (docs/issue-17/<set>-first-run.txt) it catches, and
                         how many of its ordinary messages it escalates
      explain <message>  show how the safety screen and the intent model read each message (one per argument)
      merge-reviewed <reviewed.tsv>
                         add the questions staff taught in Teams (from "ArtBot.Bot reviewed") to utterances/train; then train
      --data             the knowledge data folder (default: knowledge/ArtBot.Knowledge/Data of this repository)
    """;

var command = args.FirstOrDefault();
var dataIndex = Array.IndexOf(args, "--data");
var dataFolder = dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : null;
if (command == "merge-reviewed")
{
    if (args.Length < 2 || !File.Exists(args[1]))
    {
        Console.Error.WriteLine("Usage: merge-reviewed <reviewed.tsv>   (made with: dotnet bot/ArtBot.Bot/bin/.../ArtBot.Bot.dll reviewed > reviewed.tsv)");
        return 2;
    }
    try
    {
        var merged = ReviewedUtterances.Merge(DataFolder.Locate(dataFolder), File.ReadAllLines(args[1]));
        Console.WriteLine($"Added {merged.Added} questions to utterances/train ({merged.AlreadyThere} were there already). Now run train.");
        return 0;
    }
    catch (FormatException exception)
    {
        Console.Error.WriteLine(exception.Message);
        return 1;
    }
}
if (command is not ("train" or "evaluate" or "calibrate-safety" or "explain" or "evaluate-safety" or "distil-static" or "compare-static" or "heldout-safety") || (dataIndex >= 0 && dataFolder is null))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var files = DataFolder.Locate(dataFolder);
    using var embedder = MiniLmSentenceEmbedder.KeepingEverySentence();
    switch (command)
    {
        case "train":
            var blindIndex = Array.IndexOf(args, "--blind");
            var blind = blindIndex >= 0 && blindIndex + 1 < args.Length ? BlindSet.Read(args[blindIndex + 1]) : null;
            new ModelTraining(files, embedder, Console.Out).Train(TrainerCandidate.All, blind);
            break;
        case "evaluate":
            new ModelTraining(files, embedder, Console.Out).Evaluate();
            break;
        case "evaluate-safety":
            var screen = ArtBot.Knowledge.Safety.SafetyScreen.Load(files, embedder);
            screen.Rules.Compile();
            var languages = ArtBot.Knowledge.Languages.LanguageGate.Load(files);
            foreach (var path in args.Skip(1).Where(arg => arg.EndsWith(".tsv", StringComparison.Ordinal)))
            {
                var evaluation = ArtBot.Knowledge.Safety.SafetySetEvaluation.Run(screen, ArtBot.Knowledge.Safety.SafetySetEvaluation.Read(path));
                Console.WriteLine($"# {path}");
                Console.WriteLine(evaluation.Summary());
                Console.WriteLine(SafetyMissesInOtherLanguages.Describe(evaluation, languages));
                Console.WriteLine(string.Join(Environment.NewLine, evaluation.Mistakes));
                Console.WriteLine();
            }
            break;
        case "distil-static":
            var dimensionsIndex = Array.IndexOf(args, "--dimensions");
            var dimensions = dimensionsIndex >= 0 && dimensionsIndex + 1 < args.Length ? int.Parse(args[dimensionsIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : 256;
            StaticTableDistillation.Run(Path.Combine(files.Directory, StaticTokenEmbedder.FileName), dimensions, Console.Out);
            break;
        case "compare-static":
            var staticBlindIndex = Array.IndexOf(args, "--blind");
            var staticBlindPath = staticBlindIndex >= 0 && staticBlindIndex + 1 < args.Length ? args[staticBlindIndex + 1] : null;
            var tablePath = Path.Combine(files.Directory, StaticTokenEmbedder.FileName);
            if (!File.Exists(tablePath))
            {
                Console.Error.WriteLine($"No static table at {tablePath}: make it first with {StaticTableDistillation.Command}");
                return 1;
            }
            var table = StaticTokenEmbedder.Load(tablePath);
            if (!args.Contains("--gate-only"))
            {
                new StaticComparison(files, embedder, table, Console.Out).Run(staticBlindPath is null ? null : BlindSet.Read(staticBlindPath));
            }
            var safetySets = args.Skip(1).Where(arg => arg.EndsWith(".tsv", StringComparison.Ordinal) && arg != staticBlindPath).ToList();
            new StaticSafetyGate(files, ArtBot.Knowledge.Safety.SafetyScreen.Load(files, embedder).Semantic!, table, Console.Out).Run(safetySets, staticBlindPath);
            break;
        case "heldout-safety":
            var heldOutSets = args.Skip(1).Where(arg => arg.EndsWith(".tsv", StringComparison.Ordinal)).ToList();
            var firstRuns = heldOutSets.Select(path => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "..", "..", "docs", "issue-17", Path.GetFileNameWithoutExtension(path) + "-first-run.txt")).ToList();
            new HeldOutByWriter(embedder, ArtBot.Knowledge.Safety.SafetyScreen.Load(files).Rules, SafetyCalibrationCommand.FaqQuestions(files), Console.Out).Run(heldOutSets, firstRuns);
            break;
        case "explain":
            new ExplainCommand(files, embedder, Console.Out).Explain(args.Skip(1).Where((_, index) => index + 1 != dataIndex && index + 1 != dataIndex + 1));
            break;
        default:
            new SafetyCalibrationCommand(files, embedder, Console.Out).Calibrate();
            break;
    }
    return 0;
}
catch (Exception exception) when (exception is InvalidKnowledgeException or FileNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
