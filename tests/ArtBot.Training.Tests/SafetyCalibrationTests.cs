using ArtBot.Knowledge.Safety;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Training.Tests;

public sealed class SafetyCalibrationTests : IDisposable
{
    private readonly KnowledgeDataCopy _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Chooses_a_threshold_for_every_tier_and_records_the_encoder_and_how()
    {
        File.Delete(_data.Files.SafetyCalibration("en"));
        // What a calibration writes is under test here, not its figures: the classifiers' examples and the everyday
        // complaints (17,000 messages, which took this test over three minutes) are cut to one line in ten or twenty,
        // every tier still among them, the exemplars to a quarter and the FAQ's training questions to a sixth.
        KeepOneLineIn(10, _data.Files.SafetyClassifierExamples("en"));
        KeepOneExemplarIn(4, _data.Files.SafetyExemplars("en"));
        KeepOneLineIn(20, _data.Files.SafetyEmergencyClassifierExamples("en"));
        KeepOneLineIn(10, _data.Files.SafetyEverydayComplaints("en"));
        _data.KeepOneTrainingUtteranceIn(6);

        var calibration = new SafetyCalibrationCommand(_data.Files, SharedEmbedder.Instance, TextWriter.Null).Calibrate();

        Assert.Equal(SharedEmbedder.Instance.Name, calibration.Encoder);
        Assert.Equal(["assessment", "emergency", "self-harm", "urgent"], calibration.Thresholds.Keys.Order());
        Assert.All(calibration.Thresholds.Values, threshold => Assert.InRange(threshold, 0.3, 1.0));
        Assert.NotEmpty(calibration.Notes);
        Assert.Equal(["emergency", "self-harm"], calibration.Classifier!.Tiers.Keys.Order());
        Assert.All(calibration.Classifier.Tiers.Values, tier => Assert.Equal(384, tier.Weights.Length));
        Assert.All(calibration.Classifier.Tiers.Values, tier => Assert.InRange(tier.Threshold, 0.5, 1.0));
        var screen = SafetyScreen.Load(_data.Files, SharedEmbedder.Instance);
        Assert.Equal(SafetyTier.None, screen.Screen("is it normal to be a little sore the day after ART").Tier);
    }

    /// <summary>Every <paramref name="step"/>th sentence of each tier's exemplars and of the benign ones.</summary>
    private static void KeepOneExemplarIn(int step, string path)
    {
        var exemplars = JObject.Parse(File.ReadAllText(path));
        var lists = ((JObject)exemplars["tiers"]!).Properties().Select(tier => (JArray)tier.Value)
            .Append((JArray)exemplars["benign"]!);
        foreach (var sentences in lists)
        {
            var kept = sentences.Where((_, index) => index % step == 0).ToList();
            sentences.ReplaceAll(kept);
        }
        File.WriteAllText(path, exemplars.ToString());
    }

    /// <summary>The header, then every <paramref name="step"/>th line.</summary>
    private static void KeepOneLineIn(int step, string path)
    {
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1).Where((_, index) => index % step == 0)));
    }

    [Fact]
    public void The_bot_refuses_a_calibration_made_with_another_encoder()
    {
        var path = _data.Files.SafetyCalibration("en");
        File.WriteAllText(path, File.ReadAllText(path).Replace(SharedEmbedder.Instance.Name, "another encoder 1.0", StringComparison.Ordinal));

        var exception = Assert.Throws<Knowledge.Validation.InvalidKnowledgeException>(() => SafetyScreen.Load(_data.Files, SharedEmbedder.Instance));

        Assert.Contains("calibrate-safety", exception.Message);
    }

    [Fact]
    public void The_bot_refuses_a_classifier_whose_weights_do_not_fit_the_encoder()
    {
        var path = _data.Files.SafetyCalibration("en");
        var calibration = JObject.Parse(File.ReadAllText(path));
        calibration["classifier"]!["tiers"]!["self-harm"]!["weights"] = new JArray(0.1, 0.2, 0.3);
        File.WriteAllText(path, calibration.ToString());

        var exception = Assert.Throws<Knowledge.Validation.InvalidKnowledgeException>(() => SafetyScreen.Load(_data.Files, SharedEmbedder.Instance));

        Assert.Contains("has 3 weights for vectors of 384", exception.Message);
        Assert.Contains("calibrate-safety", exception.Message);
    }
}
