using System.Globalization;

namespace Speciosa.Clinical.CarePlans;

/// <summary>An activity as a clinician enters it (strings as typed): kind, title, days, times "HH:mm", goal, notes. A new
/// activity has no id.</summary>
public sealed record ActivityInput(Guid? Id, string? Kind, string? Title, IReadOnlyList<string>? Days, IReadOnlyList<string>? Times, string? Goal, string? Notes);

/// <summary>The checks on a plan version (issue 14 item 5): each error keyed by its field (<c>activities[0].days</c>) in
/// plain words saying what is allowed.</summary>
public static class CarePlanRules
{
    public const int MaxActivities = 20;
    public const int MaxTimes = 4;
    public const int MaxTitle = 100;
    public const int MaxGoal = 300;
    public const int MaxNotes = 1000;
    public const int MaxReason = 500;
    public const int MaxRecordNote = 500;

    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The activities of a new version, each keeping its id (a new one gets <paramref name="newId"/>), or the errors.</summary>
    public static (IReadOnlyList<PlannedActivity> Activities, IReadOnlyDictionary<string, string[]> Errors) Check(
        IReadOnlyList<ActivityInput>? activities, string? reason, IReadOnlySet<Guid> knownIds, Func<Guid> newId)
    {
        var errors = new Dictionary<string, string[]>();
        var result = new List<PlannedActivity>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Say why the plan is made or changed (it is kept in the plan's history)."];
        }
        else if (reason.Trim().Length > MaxReason)
        {
            errors["reason"] = [$"The reason may be at most {MaxReason} characters."];
        }

        activities ??= [];
        if (activities.Count > MaxActivities)
        {
            errors["activities"] = [$"A plan may have at most {MaxActivities} activities."];
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            var key = $"activities[{i}]";
            if (a.Id is { } id && (!knownIds.Contains(id) || !seen.Add(id)))
            {
                errors[key + ".id"] = ["This activity is not in the plan (reload the plan and try again)."];
            }

            if (!ActivityCatalogue.Default.IsKnown(a.Kind))
            {
                errors[key + ".kind"] = ["Choose a kind: " + string.Join(", ", ActivityCatalogue.Default.Kinds.Select(k => k.Id)) + "."];
            }

            var days = new List<DayOfWeek>();
            foreach (var d in a.Days ?? [])
            {
                if (Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(d, out _))
                {
                    if (!days.Contains(day))
                    {
                        days.Add(day);
                    }
                }
                else
                {
                    errors[key + ".days"] = ["Days are weekday names, Monday to Sunday."];
                }
            }

            if (days.Count == 0 && !errors.ContainsKey(key + ".days"))
            {
                errors[key + ".days"] = ["Choose at least one day of the week."];
            }

            var times = new List<TimeOnly>();
            foreach (var t in a.Times ?? [])
            {
                if (TimeOnly.TryParseExact(t?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    if (!times.Contains(time))
                    {
                        times.Add(time);
                    }
                }
                else
                {
                    errors[key + ".times"] = ["Times are 24-hour clock times like 07:30 or 18:00."];
                }
            }

            if (!errors.ContainsKey(key + ".times"))
            {
                if (times.Count == 0)
                {
                    errors[key + ".times"] = ["Give at least one time of day (24-hour clock, like 18:00)."];
                }
                else if (times.Count > MaxTimes)
                {
                    errors[key + ".times"] = [$"At most {MaxTimes} times a day."];
                }
            }

            var title = a.Title?.Trim();
            if (title is { Length: > MaxTitle })
            {
                errors[key + ".title"] = [$"The title may be at most {MaxTitle} characters."];
            }

            var goal = a.Goal?.Trim();
            if (string.IsNullOrEmpty(goal))
            {
                errors[key + ".goal"] = ["Write the goal, in words the patient understands."];
            }
            else if (goal.Length > MaxGoal)
            {
                errors[key + ".goal"] = [$"The goal may be at most {MaxGoal} characters."];
            }

            var notes = string.IsNullOrWhiteSpace(a.Notes) ? null : a.Notes.Trim();
            if (notes is { Length: > MaxNotes })
            {
                errors[key + ".notes"] = [$"Notes may be at most {MaxNotes} characters."];
            }

            if (ActivityCatalogue.Default.IsKnown(a.Kind))
            {
                var kind = ActivityCatalogue.Default.Get(a.Kind!);
                result.Add(new PlannedActivity(a.Id ?? newId(), kind.Id, string.IsNullOrEmpty(title) ? kind.Name : title,
                    new ActivitySchedule(Week.Where(days.Contains).ToList(), times.Order().ToList()), goal ?? "", notes));
            }
        }

        return errors.Count == 0 ? (result, errors) : ([], errors);
    }

    /// <summary>A patient's "how did it go" (1 = badly … 5 = very well) and note, or staff attendance (attended, or missed with
    /// a reason).</summary>
    public static IReadOnlyDictionary<string, string[]> CheckRecord(OccurrenceOutcome outcome, int? rating, string? note, string? reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (outcome == OccurrenceOutcome.Done && rating is null)
        {
            errors["rating"] = ["Choose how it went, from 1 (badly) to 5 (very well)."];
        }

        if (rating is < 1 or > 5)
        {
            errors["rating"] = ["How it went is a number from 1 (badly) to 5 (very well)."];
        }

        if (note?.Trim().Length > MaxRecordNote)
        {
            errors["note"] = [$"The note may be at most {MaxRecordNote} characters."];
        }

        if (outcome == OccurrenceOutcome.Missed && string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["Say why the session was missed."];
        }
        else if (reason?.Trim().Length > MaxReason)
        {
            errors["reason"] = [$"The reason may be at most {MaxReason} characters."];
        }

        return errors;
    }
}
