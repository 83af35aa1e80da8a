using System.Globalization;
using Microsoft.Bot.Schema;

namespace ArtBot.Bot.DirectLine;

/// <summary>
/// One conversation of the bot's own Direct Line: the visitor's activities and the bot's, in order. The watermark is
/// the number of activities a client has already seen.
/// </summary>
public sealed class LocalConversation(string id, DateTimeOffset createdAt)
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Adds activities, giving each the id and time Direct Line would.</summary>
    public void Append(IEnumerable<Activity> activities, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            foreach (var activity in activities)
            {
                activity.Id = $"{Id}|{_activities.Count.ToString("D7", CultureInfo.InvariantCulture)}";
                activity.Timestamp = now;
                _activities.Add(activity);
            }
            LastUsedAt = now;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (_lock)
        {
            var start = Math.Clamp(watermark, 0, _activities.Count);
            return (_activities.GetRange(start, _activities.Count - start), _activities.Count);
        }
    }
}
