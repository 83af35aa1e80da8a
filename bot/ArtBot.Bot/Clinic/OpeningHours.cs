using System.Globalization;
using System.Text.RegularExpressions;

namespace ArtBot.Bot.Clinic;

/// <summary>
/// The clinic's opening hours, one range per weekday (<c>Clinic:OpeningHours:Monday</c> = <c>08:00-19:00</c>; a day not
/// listed, or <c>closed</c>, is closed), in the clinic's time zone (<c>Staff:TimeZone</c>): whether it is open now, when
/// it opens next, and when a number of business hours from now falls.
/// </summary>
public sealed partial class OpeningHours
{
    private readonly Dictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> _days;
    private readonly TimeZoneInfo _zone;

    private OpeningHours(Dictionary<DayOfWeek, (TimeOnly Open, TimeOnly Close)> days, TimeZoneInfo zone)
    {
        _days = days;
        _zone = zone;
    }

    public bool IsSet => _days.Count > 0;

    /// <summary>What is wrong with the settings, a line each naming the setting; none when they can be used.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (day, value) in settings)
        {
            if (!Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out _) || int.TryParse(day, out _))
            {
                yield return $"Clinic:OpeningHours:{day} is not a day of the week (Monday … Sunday).";
            }
            else if (!IsClosed(value) && Range(value) is null)
            {
                yield return $"Clinic:OpeningHours:{day} is '{value}'; write the hours as 08:00-19:00 (opening before closing), or closed.";
            }
        }
    }

    /// <summary>The hours from settings that <see cref="Problems"/> found nothing wrong with.</summary>
    public static OpeningHours From(IReadOnlyDictionary<string, string> settings, TimeZoneInfo zone) => new(
        settings.Where(day => !IsClosed(day.Value))
            .ToDictionary(day => Enum.Parse<DayOfWeek>(day.Key, ignoreCase: true), day => Range(day.Value) ?? throw new FormatException(day.Value)),
        zone);

    /// <summary>The clinic's hours from its settings, in the staff's time zone (both checked at start-up).</summary>
    public static OpeningHours Of(ClinicOptions clinic, Staff.StaffOptions staff) => From(clinic.OpeningHours, staff.ClinicTimeZone());

    /// <summary>"The clinic is open now, until 19:00." or "The clinic is closed now; it opens tomorrow at 8:00."; null when no hours are set.</summary>
    public string? NowSentence(DateTimeOffset now)
    {
        if (!IsSet)
        {
            return null;
        }
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (_days.TryGetValue(local.DayOfWeek, out var today) && time >= today.Open && time < today.Close)
        {
            return $"The clinic is open now, until {Clock(today.Close)}.";
        }
        var (day, open) = NextOpening(local);
        return $"The clinic is closed now; it opens {When(local, day, open)}.";
    }

    /// <summary>
    /// The moment <paramref name="hours"/> business hours after <paramref name="from"/>, said as "today at 15:00" or
    /// "Monday at 10:00", or with its date for a text read later ("Monday 7 December at 10:00"); null when no hours are set.
    /// </summary>
    public string? AfterBusinessHours(DateTimeOffset from, int hours, bool dated = false)
    {
        if (!IsSet)
        {
            return null;
        }
        var local = TimeZoneInfo.ConvertTime(from, _zone);
        var left = TimeSpan.FromHours(hours);
        var day = DateOnly.FromDateTime(local.DateTime);
        var cursor = TimeOnly.FromDateTime(local.DateTime);
        for (var days = 0; days < 366; days++, day = day.AddDays(1), cursor = TimeOnly.MinValue)
        {
            if (!_days.TryGetValue(day.DayOfWeek, out var range) || cursor >= range.Close)
            {
                continue;
            }
            var start = cursor > range.Open ? cursor : range.Open;
            var available = range.Close - start;
            if (available >= left)
            {
                return dated ? Dated(day, start.Add(left)) : When(local, day, start.Add(left));
            }
            left -= available;
        }
        return null;
    }

    /// <summary>The hours, said: "Monday to Friday 8:00–19:00, Saturday 9:00–13:00".</summary>
    public string Describe()
    {
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var parts = new List<string>();
        for (var index = 0; index < week.Length; index++)
        {
            if (!_days.TryGetValue(week[index], out var range))
            {
                continue;
            }
            var last = index;
            while (last + 1 < week.Length && _days.TryGetValue(week[last + 1], out var next) && next == range)
            {
                last++;
            }
            var days = last == index ? week[index].ToString() : $"{week[index]} to {week[last]}";
            parts.Add($"{days} {Clock(range.Open)}–{Clock(range.Close)}");
            index = last;
        }
        return string.Join(", ", parts);
    }

    private (DateOnly Day, TimeOnly Open) NextOpening(DateTimeOffset local)
    {
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        for (var days = 0; days < 8; days++, day = day.AddDays(1))
        {
            if (_days.TryGetValue(day.DayOfWeek, out var range) && (days > 0 || time < range.Open))
            {
                return (day, range.Open);
            }
        }
        throw new InvalidOperationException("No opening in the week: hours were set with no day open.");
    }

    private static string When(DateTimeOffset local, DateOnly day, TimeOnly at)
    {
        var today = DateOnly.FromDateTime(local.DateTime);
        var name = day == today ? "today" : day == today.AddDays(1) ? "tomorrow" : day.DayOfWeek.ToString();
        return $"{name} at {Clock(at)}";
    }

    private static string Dated(DateOnly day, TimeOnly at) => $"{day.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} at {Clock(at)}";

    private static string Clock(TimeOnly time) => time.ToString("H:mm", CultureInfo.InvariantCulture);

    private static bool IsClosed(string value) => string.Equals(value.Trim(), "closed", StringComparison.OrdinalIgnoreCase);

    private static (TimeOnly Open, TimeOnly Close)? Range(string value) =>
        RangePattern().Match(value) is { Success: true } match
        && TimeOnly.TryParseExact(match.Groups["open"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
        && TimeOnly.TryParseExact(match.Groups["close"].Value, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
        && open < close
            ? (open, close)
            : null;

    [GeneratedRegex(@"^\s*(?<open>\d{1,2}:\d{2})\s*[-–]\s*(?<close>\d{1,2}:\d{2})\s*$")]
    private static partial Regex RangePattern();
}
