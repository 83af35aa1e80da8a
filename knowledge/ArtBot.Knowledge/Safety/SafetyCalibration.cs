namespace ArtBot.Knowledge.Safety;

/// <summary>
/// The shape of <c>safety/&lt;locale&gt;.calibration.json</c>, written by <c>training -- calibrate-safety</c>:
/// how close a message must come to a tier's exemplars to be escalated, chosen from data for one encoder.
/// </summary>
public sealed record SafetyCalibration
{
    /// <summary>The encoder the thresholds were chosen with; another encoder needs a new calibration.</summary>
    public string Encoder { get; init; } = "";

    /// <summary>How many of the nearest exemplars are averaged into a tier's score.</summary>
    public int Neighbours { get; init; } = 3;

    /// <summary>How much closer to a tier than to the benign look-alikes a message must be, per tier.</summary>
    public IReadOnlyDictionary<string, double> Margins { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// FAQ questions that come close to a tier's examples ("is ART safe?", "my legs are killing me after leg day"),
    /// picked by the calibration and added to the benign look-alikes, so asking them is not taken for a red flag.
    /// </summary>
    public IReadOnlyList<string> LookAlikes { get; init; } = [];

    /// <summary>The trained reading beside the nearest examples; none in a calibration made before it existed.</summary>
    public SafetyClassifier? Classifier { get; init; }

    /// <summary>How the thresholds were chosen and what they gave on the calibration data, for the reviewer.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
