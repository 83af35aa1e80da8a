using ArtBot.Knowledge.Embeddings;
using ArtBot.Knowledge.Validation;
using Newtonsoft.Json;

namespace ArtBot.Knowledge.Safety;

/// <summary>Reads the exemplars and their calibration, refusing files that are missing, malformed or calibrated for another encoder.</summary>
public static class SemanticSafetyLoader
{
    public static SemanticSafetyLayer Load(KnowledgeFiles files, ISentenceEmbedder embedder, string locale = "en", SafetyCalibration? calibration = null)
    {
        var exemplars = Read<SafetyExemplarsDocument>(files, files.SafetyExemplars(locale), $"safety/{locale}.exemplars.json");
        calibration ??= Read<SafetyCalibration>(files, files.SafetyCalibration(locale), $"safety/{locale}.calibration.json");
        var problems = new List<KnowledgeProblem>();
        var tiers = new List<(SafetyTier, IReadOnlyList<string>)>();
        var file = $"safety/{locale}.exemplars.json";
        foreach (var tier in SafetyTiers.GravestFirst)
        {
            var name = SafetyTiers.Name(tier);
            if (!exemplars.Tiers.TryGetValue(name, out var sentences) || sentences.Count < calibration.Neighbours)
            {
                problems.Add(new(file, name, "tiers", $"needs at least {calibration.Neighbours} example sentences"));
                continue;
            }
            tiers.Add((tier, sentences));
        }
        foreach (var unknown in exemplars.Tiers.Keys.Where(name => !SafetyTiers.TryParse(name, out var tier) || tier == SafetyTier.None))
        {
            problems.Add(new(file, unknown, "tiers", "unknown tier; use self-harm, emergency, urgent or assessment"));
        }
        if (exemplars.Benign.Count < calibration.Neighbours)
        {
            problems.Add(new(file, "benign", "benign", $"needs at least {calibration.Neighbours} look-alike sentences"));
        }
        if (calibration.Encoder != embedder.Name)
        {
            problems.Add(new($"safety/{locale}.calibration.json", "encoder", "encoder",
                $"calibrated for '{calibration.Encoder}' but the encoder is '{embedder.Name}'; run: dotnet run --project training/ArtBot.Training -- calibrate-safety"));
        }
        if (problems.Count > 0)
        {
            throw new InvalidKnowledgeException(files.Directory, problems);
        }
        var layer = new SemanticSafetyLayer(PrecomputedEmbeddings.Load(files.SafetyVectors(locale), embedder), tiers, [.. exemplars.Benign, .. calibration.LookAlikes], calibration);
        var dimensions = layer.TierVectors[0].Vectors[0].Length;
        foreach (var (name, weights) in calibration.Classifier?.Tiers ?? new Dictionary<string, SafetyClassifier.TierWeights>())
        {
            if (!SafetyTiers.TryParse(name, out var tier) || tier == SafetyTier.None)
            {
                problems.Add(new($"safety/{locale}.calibration.json", name, "classifier", "unknown tier; use self-harm, emergency, urgent or assessment"));
            }
            else if (weights.Weights.Length != dimensions)
            {
                problems.Add(new($"safety/{locale}.calibration.json", name, "classifier", $"has {weights.Weights.Length} weights for vectors of {dimensions}; run: dotnet run --project training/ArtBot.Training -- calibrate-safety"));
            }
        }
        return problems.Count > 0 ? throw new InvalidKnowledgeException(files.Directory, problems) : layer;
    }

    /// <summary>The exemplars with a calibration in the making, for the trainer to choose thresholds on.</summary>
    public static SemanticSafetyLayer LoadForCalibration(KnowledgeFiles files, ISentenceEmbedder embedder, SafetyCalibration draft, string locale = "en") =>
        Load(files, embedder, locale, draft);

    private static T Read<T>(KnowledgeFiles files, string path, string name)
    {
        if (!File.Exists(path))
        {
            throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(name, "-", "-", $"the file was not found at {path}")]);
        }
        try
        {
            return JsonConvert.DeserializeObject<T>(File.ReadAllText(path), new JsonSerializerSettings { MissingMemberHandling = MissingMemberHandling.Error })
                ?? throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(name, "-", "-", "the file is empty")]);
        }
        catch (JsonException exception)
        {
            throw new InvalidKnowledgeException(files.Directory, [new KnowledgeProblem(name, "-", "-", exception.Message)]);
        }
    }
}
