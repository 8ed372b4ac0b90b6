namespace Speciosa.Clinical.CarePlans;

/// <summary>Where a plan's schedules put its activities in time, in the clinic's zone. A version applies from the instant
/// it took effect until the next version: an occurrence exists only if the version in force at its instant lists the
/// activity on that weekday at that time (so a plan changed mid-week counts the old schedule before the change and the
/// new one after; an activity added late is not due before it was added).</summary>
public static class CarePlanSchedule
{
    /// <summary>The instant a clinic-local day and time is. A time the clock skips (spring forward) is moved forward by the
    /// gap (02:30 becomes 03:30); a time that happens twice (fall back) is the first of the two.</summary>
    public static DateTimeOffset InstantOf(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read it with the offset in force just before the clock jumped: 02:30 at UTC-5 is 03:30 at UTC-4.
            var before = local;
            while (zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-1);
            }

            return new DateTimeOffset(local, zone.GetUtcOffset(before));
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Every occurrence on the clinic days <paramref name="from"/> to <paramref name="to"/> (inclusive), in time order.</summary>
    public static IReadOnlyList<Occurrence> Occurrences(IReadOnlyList<PlanVersionSnapshot> versions, TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
        var found = new List<Occurrence>();
        if (ordered.Count == 0 || to < from)
        {
            return found;
        }

        var activityIds = ordered.SelectMany(v => v.Activities).Select(a => a.Id).Distinct().ToList();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var id in activityIds)
            {
                var times = ordered.SelectMany(v => v.Activities).Where(a => a.Id == id).SelectMany(a => a.Schedule.Times).Distinct().Order();
                foreach (var time in times)
                {
                    var at = InstantOf(day, time, zone);
                    var inForce = ordered.LastOrDefault(v => v.EffectiveFrom <= at);
                    var activity = inForce?.Activities.FirstOrDefault(a => a.Id == id);
                    if (activity is not null && activity.Schedule.Days.Contains(day.DayOfWeek) && activity.Schedule.Times.Contains(time))
                    {
                        found.Add(new Occurrence(activity, day, time, at));
                    }
                }
            }
        }

        return found.OrderBy(o => o.At).ThenBy(o => o.Activity.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Monday that starts the week of <paramref name="day"/> (weeks run Monday to Sunday, clinic days).</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
