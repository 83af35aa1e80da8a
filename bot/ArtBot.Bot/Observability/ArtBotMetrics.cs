using System.Diagnostics.Metrics;
using ArtBot.Knowledge.Safety;

namespace ArtBot.Bot.Observability;

/// <summary>
/// ArtBot's own instruments, named after OpenTelemetry's conventions (lower-case, dotted, units in UCUM): how long a
/// turn takes and how it ended, what was answered, how bookings go, when the store fails, and when a layer of the safety screen cannot read a message.
/// </summary>
public sealed class ArtBotMetrics : IDisposable
{
    public const string MeterName = "ArtBot";

    private readonly Meter _meter;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _bookings;
    private readonly Counter<long> _storeErrors;
    private readonly Counter<long> _safetyLayerFailures;
    private readonly Counter<long> _directLineEvictions;
    private readonly Counter<long> _countsNotSaved;

    public ArtBotMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _turnDuration = _meter.CreateHistogram<double>("artbot.turn.duration", "s", "How long a turn took, by how it ended.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56] });
        _answers = _meter.CreateCounter<long>("artbot.answers", "{answer}", "Answers given, by knowledge-base entry.");
        _bookings = _meter.CreateCounter<long>("artbot.bookings", "{booking}", "Consult bookings started, completed and cancelled.");
        _storeErrors = _meter.CreateCounter<long>("artbot.store.errors", "{error}", "Consult requests that could not be stored.");
        _countsNotSaved = _meter.CreateCounter<long>("artbot.counts.save.failures", "{failure}", "Times the day's counts could not be saved (they are kept for the next try).");
        _directLineEvictions = _meter.CreateCounter<long>("artbot.directline.evictions", "{conversation}", "Website chats dropped before their idle time because all chats together held too much memory.");
        _safetyLayerFailures = _meter.CreateCounter<long>("artbot.safety.layer.failures", "{failure}", "Messages a layer of the safety screen could not read (the other layer decided).");
        _meter.CreateObservableCounter("artbot.safety.rules.compiled.fallbacks", () => PhraseRule.CompiledCodeFailures, "{rule}",
            "Phrase rules whose compiled code failed, so they went back to the regex interpreter (same pattern, same verdicts).");
    }

    public void RecordTurn(TimeSpan duration, string outcome, string channel) =>
        _turnDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("artbot.outcome", outcome), new KeyValuePair<string, object?>("artbot.channel", channel));

    public void RecordAnswer(string topic) => _answers.Add(1, new KeyValuePair<string, object?>("artbot.topic", topic));

    public void RecordBooking(string booking) => _bookings.Add(1, new KeyValuePair<string, object?>("artbot.booking.event", booking));

    public void RecordStoreError() => _storeErrors.Add(1);

    public void RecordSafetyLayerFailure(string layer) => _safetyLayerFailures.Add(1, new KeyValuePair<string, object?>("artbot.safety.layer", layer));

    public void RecordCountsNotSaved() => _countsNotSaved.Add(1);

    public void RecordDirectLineEvictions(int conversations) => _directLineEvictions.Add(conversations);

    public void Dispose() => _meter.Dispose();
}
