using System.Globalization;
using Speciosa.Clinical.CarePlans;

namespace Speciosa.Clinical.Appointments;

/// <summary>How an appointment takes place.</summary>
public static class AppointmentModes
{
    public const string InPerson = "in-person";
    public const string Phone = "phone";
    public const string Video = "video";

    public static readonly IReadOnlyList<string> All = [InPerson, Phone, Video];

    public static string InWords(string mode) => mode switch
    {
        InPerson => "in person",
        Phone => "by phone",
        Video => "by video call",
        _ => mode,
    };
}

/// <summary>What an appointment is for, in plain words a patient may read (no clinical detail).</summary>
public static class AppointmentKinds
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clinic-review"] = "Review with your clinician",
        ["nurse-visit"] = "Nurse visit",
        ["counselling"] = "Counselling",
        ["group-session"] = "Group session",
        ["lab-test"] = "Blood or urine test",
        ["other"] = "Appointment",
    };

    public static string InWords(string kind) => All.TryGetValue(kind, out var words) ? words : "Appointment";
}

/// <summary>A booking as staff enter it (strings as typed): the clinic-local day "yyyy-MM-dd" and time "HH:mm", how long,
/// the kind, with whom, how (in person, phone, video) and where, and notes for staff.</summary>
public sealed record AppointmentInput(string? Day, string? Time, int? DurationMinutes, string? Kind, string? WithWhom, string? Mode,
    string? Location, string? Notes);

/// <summary>A checked booking: its instant, length and the words as kept.</summary>
public sealed record CheckedAppointment(DateTimeOffset StartsAt, int DurationMinutes, string Kind, string WithWhom, string Mode, string? Location,
    string? Notes);

/// <summary>The rules of booking and cancelling an appointment (issue 14 item 2, LOCAL: the software's own limits, no published
/// source): each error keyed by its field in plain words saying what is allowed. Times are the clinic's (a time the clock skips
/// moves forward by the gap, a repeated time is its first instant, as for care-plan activities).</summary>
public static class AppointmentRules
{
    public const int MinDuration = 5;
    public const int MaxDuration = 480;
    public const int MaxWithWhom = 100;
    public const int MaxLocation = 200;
    public const int MaxNotes = 1000;
    public const int MaxReason = 500;

    /// <summary>How far ahead a booking may be made.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>When a reminder of an appointment is due: this long before it starts (or at once when booked later than that).</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(24);

    public static (CheckedAppointment? Appointment, IReadOnlyDictionary<string, string[]> Errors) Check(AppointmentInput input, DateTimeOffset now, TimeZoneInfo zone)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateTimeOffset? startsAt = null;
        if (!DateOnly.TryParseExact(input.Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors["day"] = ["Give the day as yyyy-mm-dd."];
        }
        else if (day > today.AddDays(MaxDaysAhead))
        {
            errors["day"] = [$"Book at most {MaxDaysAhead} days ahead."];
        }

        if (!TimeOnly.TryParseExact(input.Time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors["time"] = ["Give the time on a 24-hour clock, like 14:30."];
        }
        else if (!errors.ContainsKey("day"))
        {
            startsAt = CarePlanSchedule.InstantOf(day, time, zone).ToUniversalTime();
            if (startsAt <= now)
            {
                errors["time"] = ["The appointment must start later than now (the clinic's time)."];
            }
        }

        if (input.DurationMinutes is not { } duration || duration < MinDuration || duration > MaxDuration)
        {
            errors["durationMinutes"] = [$"Give how long it lasts in minutes, {MinDuration} to {MaxDuration}."];
        }

        if (input.Kind is null || !AppointmentKinds.All.ContainsKey(input.Kind))
        {
            errors["kind"] = ["Choose a kind: " + string.Join(", ", AppointmentKinds.All.Keys) + "."];
        }

        var withWhom = input.WithWhom?.Trim();
        if (string.IsNullOrEmpty(withWhom) || withWhom.Length > MaxWithWhom)
        {
            errors["withWhom"] = [$"Say with whom (a name or a role), at most {MaxWithWhom} characters."];
        }

        if (input.Mode is null || !AppointmentModes.All.Contains(input.Mode))
        {
            errors["mode"] = ["Choose how: " + string.Join(", ", AppointmentModes.All) + "."];
        }

        var location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim();
        if (input.Mode == AppointmentModes.InPerson && location is null)
        {
            errors["location"] = ["Say where the patient should come (the place or room)."];
        }
        else if (location is { Length: > MaxLocation })
        {
            errors["location"] = [$"The place may be at most {MaxLocation} characters."];
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is { Length: > MaxNotes })
        {
            errors["notes"] = [$"Notes may be at most {MaxNotes} characters."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new CheckedAppointment(startsAt!.Value, input.DurationMinutes!.Value, input.Kind!, withWhom!, input.Mode!, location, notes), errors);
    }

    /// <summary>A cancellation needs a reason; an appointment already cancelled or already over cannot be cancelled.</summary>
    public static IReadOnlyDictionary<string, string[]> CheckCancel(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Dictionary<string, string[]> { ["reason"] = ["Say why the appointment is cancelled (it is kept with it)."] };
        }

        return reason.Trim().Length > MaxReason
            ? new Dictionary<string, string[]> { ["reason"] = [$"The reason may be at most {MaxReason} characters."] }
            : new Dictionary<string, string[]>();
    }

    /// <summary>Whether the appointment falls on the clinic day <paramref name="day"/> (by its start in the clinic's zone).</summary>
    public static bool IsOn(DateTimeOffset startsAt, DateOnly day, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startsAt, zone).DateTime) == day;

    /// <summary>Whether the appointment is over at <paramref name="now"/> (its end has come).</summary>
    public static bool IsOver(DateTimeOffset startsAt, int durationMinutes, DateTimeOffset now) => startsAt.AddMinutes(durationMinutes) <= now;

    /// <summary>When its reminder is due: <see cref="ReminderLead"/> before it starts, or when it was booked if later. Null when
    /// it has started (no reminder of something already begun).</summary>
    public static DateTimeOffset? ReminderDueAt(DateTimeOffset startsAt, DateTimeOffset bookedAt, DateTimeOffset now)
    {
        if (startsAt <= now)
        {
            return null;
        }

        var due = startsAt - ReminderLead;
        return due > bookedAt ? due : bookedAt;
    }

    public static string ReminderKey(Guid appointmentId) => $"appointment/{appointmentId:N}";
}
