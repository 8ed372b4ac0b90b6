namespace Speciosa.Clinical.CarePlans;

/// <summary>When an activity happens: every week on the chosen days, at each of the chosen clinic-local times.</summary>
public sealed record ActivitySchedule(IReadOnlyList<DayOfWeek> Days, IReadOnlyList<TimeOnly> Times);

/// <summary>One activity of a care plan. <see cref="Id"/> stays the same across the plan's versions, so what the patient
/// did is counted against the schedule that applied when it was due.</summary>
public sealed record PlannedActivity(Guid Id, string Kind, string Title, ActivitySchedule Schedule, string Goal, string? Notes);

/// <summary>A version of a patient's plan and the instant it took effect (it applies until the next version).</summary>
public sealed record PlanVersionSnapshot(int Version, DateTimeOffset EffectiveFrom, IReadOnlyList<PlannedActivity> Activities);

/// <summary>One time an activity is due: its clinic day, its clinic-local time and the instant that is.</summary>
public sealed record Occurrence(PlannedActivity Activity, DateOnly Day, TimeOnly Time, DateTimeOffset At);

/// <summary>What happened at an occurrence: the patient did it, staff saw them attend a session they ran, or staff record it
/// as missed (with a reason).</summary>
public enum OccurrenceOutcome
{
    Done,
    Attended,
    Missed,
}

/// <summary>A recorded outcome of one occurrence (activity, clinic day, time).</summary>
public sealed record OccurrenceRecord(Guid ActivityId, DateOnly Day, TimeOnly Time, OccurrenceOutcome Outcome)
{
    public bool Counts => Outcome is OccurrenceOutcome.Done or OccurrenceOutcome.Attended;
}
