using System.Globalization;

namespace Speciosa.Clinical.CarePlans;

/// <summary>How many of the occurrences that were due were done (by the patient) or attended (seen by staff). With nothing
/// due the figure is "not applicable", never 0 % or 100 %.</summary>
public sealed record AdherenceFigure(int Due, int Done)
{
    public bool Applicable => Due > 0;

    /// <summary>Whole per cent, rounded half away from zero; null when nothing was due.</summary>
    public int? Percent => Applicable ? (int)Math.Round(100.0 * Done / Due, MidpointRounding.AwayFromZero) : null;

    public string InWords => Percent is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{Done} of {Due} done ({p} %)")
        : "not applicable (nothing was due)";
}

/// <summary>One activity's adherence in one week.</summary>
public sealed record ActivityAdherence(Guid ActivityId, string Kind, string Title, AdherenceFigure Figure);

/// <summary>One week (Monday to Sunday, clinic days): the whole plan and each activity that was in it that week.</summary>
public sealed record WeekAdherence(DateOnly WeekStart, AdherenceFigure Overall, IReadOnlyList<ActivityAdherence> Activities);

/// <summary>Care-plan adherence (issue 14 item 5), per activity and per week, computed from the plan's versions and what was
/// recorded. An occurrence is due once its instant has come, or once something was recorded for it (an activity done early
/// today counts as due and done, so done never exceeds due). Done or attended counts; missed does not. A record for a
/// time the schedule no longer has counts for nothing. Pure: the clinic's zone and the time now are passed in.</summary>
public static class CarePlanAdherence
{
    public static IReadOnlyList<WeekAdherence> Weekly(IReadOnlyList<PlanVersionSnapshot> versions, IReadOnlyList<OccurrenceRecord> records,
        TimeZoneInfo zone, DateTimeOffset now, DateOnly firstWeek, DateOnly lastWeek)
    {
        var weeks = new List<WeekAdherence>();
        var recorded = records.GroupBy(r => (r.ActivityId, r.Day, r.Time)).ToDictionary(g => g.Key, g => g.Last());
        for (var week = CarePlanSchedule.WeekStart(firstWeek); week <= CarePlanSchedule.WeekStart(lastWeek); week = week.AddDays(7))
        {
            var due = CarePlanSchedule.Occurrences(versions, zone, week, week.AddDays(6))
                .Select(o => (Occurrence: o, Record: recorded.GetValueOrDefault((o.Activity.Id, o.Day, o.Time))))
                .Where(x => x.Occurrence.At <= now || x.Record is not null)
                .ToList();
            var inPlan = ActivitiesInForceDuring(versions, zone, week);
            var perActivity = inPlan.Select(a =>
            {
                var mine = due.Where(x => x.Occurrence.Activity.Id == a.Id).ToList();
                return new ActivityAdherence(a.Id, a.Kind, a.Title, new AdherenceFigure(mine.Count, mine.Count(x => x.Record?.Counts == true)));
            }).ToList();
            weeks.Add(new WeekAdherence(week, new AdherenceFigure(due.Count, due.Count(x => x.Record?.Counts == true)), perActivity));
        }

        return weeks;
    }

    /// <summary>Each activity in any version in force at some moment of the week (its latest wording in the week).</summary>
    private static List<PlannedActivity> ActivitiesInForceDuring(IReadOnlyList<PlanVersionSnapshot> versions, TimeZoneInfo zone, DateOnly week)
    {
        var start = CarePlanSchedule.InstantOf(week, TimeOnly.MinValue, zone);
        var end = CarePlanSchedule.InstantOf(week.AddDays(7), TimeOnly.MinValue, zone);
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
        var inForce = ordered.Where((v, i) => v.EffectiveFrom < end && (i + 1 == ordered.Count || ordered[i + 1].EffectiveFrom > start)).ToList();
        var byId = new Dictionary<Guid, PlannedActivity>();
        var order = new List<Guid>();
        foreach (var a in inForce.SelectMany(v => v.Activities))
        {
            if (!byId.ContainsKey(a.Id))
            {
                order.Add(a.Id);
            }

            byId[a.Id] = a;
        }

        return order.Select(id => byId[id]).ToList();
    }
}

/// <summary>An activity due on a clinic day, for the patient's Today page and reminders: done (or attended) or not yet.</summary>
public sealed record DueToday(Occurrence Occurrence, OccurrenceRecord? Record)
{
    public bool Done => Record?.Counts == true;
}

/// <summary>What of the plan falls on one clinic day.</summary>
public static class CarePlanToday
{
    public static IReadOnlyList<DueToday> On(IReadOnlyList<PlanVersionSnapshot> versions, IReadOnlyList<OccurrenceRecord> records, TimeZoneInfo zone, DateOnly day) =>
        CarePlanSchedule.Occurrences(versions, zone, day, day)
            .Select(o => new DueToday(o, records.LastOrDefault(r => r.ActivityId == o.Activity.Id && r.Day == o.Day && r.Time == o.Time)))
            .ToList();
}
