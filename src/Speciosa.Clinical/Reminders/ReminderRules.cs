using System.Globalization;
using Speciosa.Clinical.CarePlans;

namespace Speciosa.Clinical.Reminders;

/// <summary>What a reminder is about. The text a patient receives never says more than that something is due.</summary>
public enum ReminderKind
{
    /// <summary>The daily check-in, not yet done today.</summary>
    CheckIn,

    /// <summary>A care-plan activity whose time has come, not yet done.</summary>
    Activity,

    /// <summary>An appointment coming up (from a day before it starts), contributed through the web's reminder-source seam.</summary>
    Appointment,
}

/// <summary>A patient's quiet hours, clinic-local: from <see cref="From"/> up to (not including) <see cref="Until"/>. When
/// <see cref="From"/> is later than <see cref="Until"/> they span midnight (22:00–07:00); equal times mean none.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public bool IsEmpty => From == Until;

    public bool Contains(TimeOnly local) =>
        !IsEmpty && (From < Until ? local >= From && local < Until : local >= From || local < Until);

    /// <summary>The instant quiet hours end when <paramref name="now"/> is inside them; <paramref name="now"/> itself otherwise.
    /// On a day the clock skips the end time, the end moves forward by the gap (see <see cref="CarePlanSchedule.InstantOf"/>).</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return now;
        }

        // Inside: the end is today's Until, unless the window spans midnight and we are in its evening part.
        var endDay = From > Until && time >= From ? day.AddDays(1) : day;
        return CarePlanSchedule.InstantOf(endDay, Until, zone);
    }

    public static bool TryParse(string? from, string? until, out QuietHours? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(until))
        {
            return true;
        }

        if (TimeOnly.TryParseExact(from?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)
            && TimeOnly.TryParseExact(until?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var u))
        {
            hours = new QuietHours(f, u);
            return true;
        }

        return false;
    }
}

/// <summary>What a patient chose: quiet hours and which kinds they do not want reminders of.</summary>
public sealed record ReminderPreferences(QuietHours? Quiet, bool CheckIn, bool Activities, bool Appointments = true)
{
    public static ReminderPreferences Default { get; } = new(null, true, true);

    public bool Wants(ReminderKind kind) => kind switch
    {
        ReminderKind.CheckIn => CheckIn,
        ReminderKind.Appointment => Appointments,
        _ => Activities,
    };
}

/// <summary>Something that may be due for a patient now: its kind, a key naming the one occasion (so it is reminded once), and
/// the instant it became due.</summary>
public sealed record DueItem(ReminderKind Kind, string Key, DateTimeOffset DueAt);

/// <summary>One reminder to send now.</summary>
public sealed record ReminderToSend(ReminderKind Kind, string Key);

/// <summary>The reminder rules (issue 14 item 6), pure: what is due now, given the clinic's zone, the time, and the patient's
/// preferences; and how long to wait before retrying a failed delivery. The daily check-in is due from the clinic's check-in
/// time (<c>Reminders:CheckInTime</c>) until done that day; a care-plan activity from its scheduled time until done.</summary>
public static class ReminderRules
{
    public const int MaxAttempts = 5;

    public static string CheckInKey(DateOnly day) => $"check-in/{day:yyyy-MM-dd}";

    public static string ActivityKey(Guid activityId, DateOnly day, TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"activity/{activityId:N}/{day:yyyy-MM-dd}/{time:HH\\:mm}");

    /// <summary>The check-in as a due item on <paramref name="day"/> when not done yet (null once done).</summary>
    public static DueItem? CheckIn(DateOnly day, bool doneToday, TimeOnly checkInTime, TimeZoneInfo zone) =>
        doneToday ? null : new DueItem(ReminderKind.CheckIn, CheckInKey(day), CarePlanSchedule.InstantOf(day, checkInTime, zone));

    /// <summary>The care-plan activities of the day not done yet, each due at its time.</summary>
    public static IReadOnlyList<DueItem> Activities(IReadOnlyList<DueToday> today) =>
        today.Where(d => d.Record is null).Select(d => new DueItem(ReminderKind.Activity,
            ActivityKey(d.Occurrence.Activity.Id, d.Occurrence.Day, d.Occurrence.Time), d.Occurrence.At)).ToList();

    /// <summary>The reminders to send now: items whose time has come, of a kind the patient wants, when now is outside their
    /// quiet hours (an item due during quiet hours is sent when they end: the next run after that finds it still due).</summary>
    public static IReadOnlyList<ReminderToSend> Due(IEnumerable<DueItem> items, ReminderPreferences preferences, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (preferences.Quiet is { } quiet && quiet.NextAllowed(now, zone) > now)
        {
            return [];
        }

        return items.Where(i => i.DueAt <= now && preferences.Wants(i.Kind)).Select(i => new ReminderToSend(i.Kind, i.Key)).ToList();
    }

    /// <summary>The wait before attempt <paramref name="attemptsMade"/> + 1 after a failure: 1, 2, 4, 8 minutes…; null after
    /// <see cref="MaxAttempts"/> attempts (the delivery is failed for good and shown so to staff).</summary>
    public static TimeSpan? RetryAfter(int attemptsMade) =>
        attemptsMade >= MaxAttempts ? null : TimeSpan.FromMinutes(Math.Pow(2, Math.Max(0, attemptsMade - 1)));
}
