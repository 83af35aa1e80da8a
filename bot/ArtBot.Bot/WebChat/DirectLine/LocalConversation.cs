using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>
/// One conversation of the bot's own Direct Line: the visitor's activities and the bot's, in order. The watermark is
/// the number of activities a client has already seen. Only the latest activities are kept, up to a count and a size,
/// so one conversation cannot fill the server's memory; older ones are dropped, their watermarks still counted.
/// </summary>
public sealed class LocalConversation(string id, DateTimeOffset createdAt, int maxActivities, long maxBytes)
{
    private readonly LinkedList<(Activity Activity, long Bytes)> _activities = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _dropped;
    private long _bytes;
    private bool _retired;
    private int _streams;

    public string Id { get; } = id;

    public DateTimeOffset LastUsedAt { get; private set; } = createdAt;

    /// <summary>Completes when the next activity is added.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_lock)
        {
            LastUsedAt = now;
        }
    }

    /// <summary>
    /// Adds activities, giving each the id and time Direct Line would. One that already has an id, given by the bot,
    /// keeps it; if it repeats an earlier one's id it is that one updated, and keeps its time, so Web Chat shows it in its place.
    /// </summary>
    /// <returns>How much more memory (about) the conversation holds now; nothing once it was retired.</returns>
    public long Append(IEnumerable<Activity> activities, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        long before;
        long after;
        bool retired;
        lock (_lock)
        {
            before = _bytes;
            foreach (var activity in activities)
            {
                var updated = string.IsNullOrEmpty(activity.Id) ? null : _activities.LastOrDefault(held => held.Activity.Id == activity.Id).Activity;
                activity.Id = string.IsNullOrEmpty(activity.Id) ? $"{Id}|{(_dropped + _activities.Count).ToString("D7", CultureInfo.InvariantCulture)}" : activity.Id;
                activity.Timestamp = updated?.Timestamp ?? now;
                var bytes = JsonConvert.SerializeObject(activity, DirectLineJson.Settings).Length * 2L;
                _activities.AddLast((activity, bytes));
                _bytes += bytes;
                while (_activities.Count > 1 && (_activities.Count > maxActivities || _bytes > maxBytes))
                {
                    _bytes -= _activities.First!.Value.Bytes;
                    _activities.RemoveFirst();
                    _dropped++;
                }
            }
            LastUsedAt = now;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            after = _bytes;
            retired = _retired;
        }
        changed.TrySetResult();
        return retired ? 0 : after - before;
    }

    /// <summary>Counts a WebSocket stream opened on this conversation, unless <paramref name="most"/> are open already.</summary>
    public bool TryOpenStream(int most)
    {
        if (Interlocked.Increment(ref _streams) <= most)
        {
            return true;
        }
        Interlocked.Decrement(ref _streams);
        return false;
    }

    public void CloseStream() => Interlocked.Decrement(ref _streams);

    /// <summary>Dropped by the bot (idle, or evicted for memory): what it held is no longer counted; returns how much that was.</summary>
    public long Retire()
    {
        lock (_lock)
        {
            var held = _retired ? 0 : _bytes;
            _retired = true;
            return held;
        }
    }

    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (_lock)
        {
            var total = _dropped + _activities.Count;
            var skip = Math.Clamp(watermark - _dropped, 0, _activities.Count);
            return (_activities.Skip(skip).Select(entry => entry.Activity).ToList(), total);
        }
    }

    /// <summary>"Forget me": nothing said so far stays readable; a client reading again gets only what comes after. Returns the memory freed.</summary>
    public long Erase()
    {
        lock (_lock)
        {
            var freed = _retired ? 0 : _bytes;
            _dropped += _activities.Count;
            _activities.Clear();
            _bytes = 0;
            return freed;
        }
    }
}
