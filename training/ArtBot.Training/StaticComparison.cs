using System.Diagnostics;
using System.Globalization;
using ArtBot.Knowledge;
using ArtBot.Knowledge.Content;
using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Intents;
using Microsoft.ML;

namespace ArtBot.Training;

/// <summary>
/// The distilled static table measured against the encoder, as the trainer compares approaches: the static vectors
/// alone and with the n-grams (cross-validated, held-out, blind), and a cascade in which a confident static answer
/// skips the encoder, with the share of messages that still reach the encoder. Nothing is written.
/// </summary>
public sealed class StaticComparison(KnowledgeFiles files, ISentenceEmbedder encoder, StaticTokenEmbedder table, TextWriter output)
{
    public static readonly float[] CascadeConfidences = [0.5f, 0.6f, 0.7f, 0.8f, 0.9f];

    public void Run(BlindSet? blind)
    {
        var (knowledgeBase, training) = KnowledgeBaseLoader.LoadWithTrainingUtterances(files);
        var heldOut = KnowledgeBaseLoader.LoadHeldOut(files, knowledgeBase, training);
        output.WriteLine($"Static table: {table.Name}, {table.Tokens} tokens");
        var texts = training.All.Concat(heldOut.All).Select(utterance => utterance.Text).ToList();
        var timer = Stopwatch.StartNew();
        table.EmbedMany(texts);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Static vectors: {timer.Elapsed.TotalMilliseconds * 1000 / texts.Count:0.0} µs per message ({texts.Count} messages, one thread)"));

        var candidates = TrainerCandidate.All.Where(candidate => candidate.Features != IntentFeatures.Ngrams).ToList();
        var crossValidation = TrainerSelection.CrossValidate(training, candidates, table, line => output.WriteLine(line));
        var approaches = ApproachComparison.Compare(crossValidation, training, heldOut, table, ModelTraining.AnswerThreshold, blind);
        output.WriteLine();
        output.WriteLine("| approach (static table in place of the encoder) | cross-validated macro-F1 | held-out macro-F1 | held-out accuracy | answered right | declined | blind right | blind declined |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var approach in approaches)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {approach.Name} | {approach.CrossValidatedMacroF1:0.000} | {approach.HeldOut.MacroF1:0.000} | {approach.HeldOut.Accuracy:0.000} | {approach.HeldOutAnsweredRight:0.000} | {approach.HeldOutDeclined:0.000} | {approach.Blind?.Accuracy:0.000} | {approach.Blind?.Declined:0.000} |"));
        }

        var best = crossValidation.Where(result => result.Trainer.Features == IntentFeatures.NgramsAndEncoder).MaxBy(result => result.Evaluation.MacroF1)!;
        var mlContext = new MLContext(seed: 1);
        var cheap = new IntentClassifier(mlContext, IntentPipeline.Fit(mlContext, best.Trainer, training.All, table), best.Trainer.Features, table);
        var committed = IntentClassifier.Load(files.Model, encoder);
        output.WriteLine();
        output.WriteLine($"| cascade: {best.Trainer.Name} on the static table when at least this sure, else the committed model | held-out accuracy | answered right | declined | reach the encoder (held-out) | blind right | blind declined | reach the encoder (blind) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var confidence in CascadeConfidences.Append(2f))
        {
            var reached = 0;
            IntentRanking Classify(string text)
            {
                var ranking = cheap.Classify(text);
                if (ranking.Top.Score >= confidence)
                {
                    return ranking;
                }
                reached++;
                return committed.Classify(text);
            }
            var (evaluation, declined, answeredRight) = ApproachComparison.ScoreHeldOut(heldOut, Classify, ModelTraining.AnswerThreshold);
            var heldOutReached = (double)reached / heldOut.All.Count;
            var blindFigures = "| | |";
            if (blind is not null)
            {
                reached = 0;
                var blindRight = blind.Accuracy(Classify, ModelTraining.AnswerThreshold);
                var blindReached = (double)reached / blind.Lines.Count;
                blindFigures = string.Create(CultureInfo.InvariantCulture, $"{blindRight:0.000} | {blind.DeclineRate(Classify, ModelTraining.AnswerThreshold):0.000} | {blindReached:0.000}");
            }
            var name = confidence > 1 ? "never (the committed model alone)" : confidence.ToString("0.0", CultureInfo.InvariantCulture);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {evaluation.Accuracy:0.000} | {answeredRight:0.000} | {declined:0.000} | {heldOutReached:0.000} | {blindFigures} |"));
        }
    }
}
