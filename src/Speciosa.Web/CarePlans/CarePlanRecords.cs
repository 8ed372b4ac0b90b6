using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.CarePlans;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.CarePlans;

/// <summary>An activity as shown: its kind (with the catalogue's plain description), title, days, times, goal and notes.</summary>
public sealed record ActivityView(Guid Id, string Kind, string KindName, string Plain, bool RunByClinic, string Title,
    IReadOnlyList<string> Days, IReadOnlyList<string> Times, string Goal, string? Notes)
{
    public string ScheduleInWords => (Days.Count == 7 ? "every day" : string.Join(", ", Days)) + " at " + string.Join(", ", Times);
}

/// <summary>One version of the plan in its history: who made it, when, why, and the activities it held.</summary>
public sealed record PlanVersionView(int Version, DateTimeOffset ChangedAt, string ChangedBy, string Reason, IReadOnlyList<ActivityView> Activities);

/// <summary>A recorded occurrence: done by the patient (how it went, 1–5, and a note) or attended / missed (staff).</summary>
public sealed record ActivityRecordView(Guid Id, Guid ActivityId, string ActivityTitle, DateOnly Day, string Time, string Outcome, int? Rating,
    string? Note, string? Reason, bool PatientReported, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>An occurrence that has come (in the last days) and has nothing recorded yet.</summary>
public sealed record OpenOccurrence(Guid ActivityId, string Title, bool RunByClinic, DateOnly Day, string Time, string? Recorded = null);

/// <summary>The plan as a reader may see it. A patient sees the activities and adherence; staff also see the history
/// (with reasons), what was recorded, and the occurrences still open.</summary>
public sealed record CarePlanView(Guid PatientId, DateOnly Today, string ZoneId, int? Version, Guid? ConcurrencyStamp, IReadOnlyList<ActivityView> Activities,
    IReadOnlyList<WeekAdherence> Adherence, IReadOnlyList<PlanVersionView> History, IReadOnlyList<ActivityRecordView> Records,
    IReadOnlyList<OpenOccurrence> Open);

/// <summary>A new version of the plan: the whole list of activities (an activity that keeps its id is the same activity),
/// why, and the stamp of the plan as read (none for the first version).</summary>
public sealed record CarePlanRequest(IReadOnlyList<ActivityInput>? Activities, string? Reason, Guid? ConcurrencyStamp);

/// <summary>What happened at one occurrence: outcome done (a patient, with rating 1–5 and an optional note) or attended /
/// missed (staff; a reason when missed). day is the clinic day, time the scheduled "HH:mm".</summary>
public sealed record ActivityRecordRequest(Guid? ActivityId, DateOnly? Day, string? Time, string? Outcome, int? Rating, string? Note, string? Reason);

public sealed record CarePlanWriteResult(Outcome Outcome, Guid? Id = null, int? Version = null, Guid? ConcurrencyStamp = null);

/// <summary>Care plans (issue 14 item 5): versioned plans built by clinicians from the activity catalogue, activities done by
/// the patient and sessions attended, and adherence from the core (<see cref="CarePlanAdherence"/>). Every write is one save,
/// so it commits with its audit row.</summary>
public sealed class CarePlanRecords(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock)
{
    public const int AdherenceWeeks = 4;
    public const int RecordableDays = 7;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record StoredActivity(Guid Id, string Kind, string Title, List<string> Days, List<string> Times, string Goal, string? Notes);

    public static string Serialise(IReadOnlyList<PlannedActivity> activities) => JsonSerializer.Serialize(activities.Select(a => new StoredActivity(
        a.Id, a.Kind, a.Title, a.Schedule.Days.Select(d => d.ToString()).ToList(), a.Schedule.Times.Select(Hm).ToList(), a.Goal, a.Notes)).ToList(), Json);

    public static IReadOnlyList<PlannedActivity> Deserialise(string json) =>
        (JsonSerializer.Deserialize<List<StoredActivity>>(json, Json) ?? []).Select(s => new PlannedActivity(s.Id, s.Kind, s.Title,
            new ActivitySchedule(s.Days.Select(Enum.Parse<DayOfWeek>).ToList(), s.Times.Select(t => TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture)).ToList()),
            s.Goal, s.Notes)).ToList();

    public static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static ActivityView ViewOf(PlannedActivity a)
    {
        var kind = ActivityCatalogue.Default.IsKnown(a.Kind) ? ActivityCatalogue.Default.Get(a.Kind) : new ActivityKind(a.Kind, a.Kind, "", false, "");
        return new ActivityView(a.Id, a.Kind, kind.Name, kind.Plain, kind.RunByClinic, a.Title, a.Schedule.Days.Select(d => d.ToString()).ToList(),
            a.Schedule.Times.Select(Hm).ToList(), a.Goal, a.Notes);
    }

    /// <summary>The plan's versions as the core reads them (oldest first); empty without a plan.</summary>
    public async Task<(CarePlan? Plan, IReadOnlyList<(CarePlanVersion Row, PlanVersionSnapshot Snapshot)> Versions)> LoadAsync(Guid patientId, CancellationToken ct)
    {
        var plan = await db.CarePlans.AsNoTracking().FirstOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (plan is null)
        {
            return (null, []);
        }

        var rows = await db.CarePlanVersions.AsNoTracking().Where(v => v.CarePlanId == plan.Id).ToListAsync(ct);
        return (plan, rows.OrderBy(v => v.Version).Select(v => (v, new PlanVersionSnapshot(v.Version, v.ChangedAt, Deserialise(v.ActivitiesJson)))).ToList());
    }

    public async Task<IReadOnlyList<OccurrenceRecord>> OccurrenceRecordsAsync(Guid patientId, DateOnly from, CancellationToken ct) =>
        (await db.CarePlanActivityRecords.AsNoTracking().Where(r => r.PatientId == patientId && r.Day >= from).ToListAsync(ct))
        .Select(r => new OccurrenceRecord(r.ActivityId, r.Day, TimeOnly.ParseExact(r.Time, "HH:mm", CultureInfo.InvariantCulture), Enum.Parse<OccurrenceOutcome>(r.Outcome, true)))
        .ToList();

    /// <summary>Adherence for the last <see cref="AdherenceWeeks"/> weeks up to this one (newest first), from the plan's start.</summary>
    public async Task<(ClinicZone Zone, DateOnly Today, IReadOnlyList<WeekAdherence> Weeks)> AdherenceAsync(Patient patient, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var today = zone.Today(now);
        var (_, versions) = await LoadAsync(patient.Id, ct);
        if (versions.Count == 0)
        {
            return (zone, today, []);
        }

        var first = CarePlanSchedule.WeekStart(today).AddDays(-7 * (AdherenceWeeks - 1));
        var planStart = CarePlanSchedule.WeekStart(zone.Today(versions[0].Snapshot.EffectiveFrom));
        if (planStart > first)
        {
            first = planStart;
        }

        var records = await OccurrenceRecordsAsync(patient.Id, first, ct);
        var weeks = CarePlanAdherence.Weekly(versions.Select(v => v.Snapshot).ToList(), records, zone.Zone, now, first, today);
        return (zone, today, weeks.Reverse().ToList());
    }

    public async Task<CarePlanView> ViewAsync(Patient patient, bool staff, CancellationToken ct)
    {
        var (zone, today, weeks) = await AdherenceAsync(patient, ct);
        var (plan, versions) = await LoadAsync(patient.Id, ct);
        if (plan is null)
        {
            return new CarePlanView(patient.Id, today, zone.Id, null, null, [], [], [], [], []);
        }

        var current = versions[^1].Snapshot;
        var activities = current.Activities.Select(ViewOf).ToList();
        if (!staff)
        {
            return new CarePlanView(patient.Id, today, zone.Id, plan.CurrentVersion, null, activities, weeks, [], [], []);
        }

        var userIds = versions.Select(v => v.Row.ChangedBy).ToHashSet();
        var recordRows = await db.CarePlanActivityRecords.AsNoTracking().Where(r => r.PatientId == patient.Id)
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.Time).Take(50).ToListAsync(ct);
        userIds.UnionWith(recordRows.Select(r => r.RecordedBy));
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        var titles = versions.SelectMany(v => v.Snapshot.Activities).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Last().Title);
        var history = versions.Reverse().Select(v => new PlanVersionView(v.Row.Version, v.Row.ChangedAt, names.GetValueOrDefault(v.Row.ChangedBy, "unknown"),
            v.Row.Reason, v.Snapshot.Activities.Select(ViewOf).ToList())).ToList();
        var records = recordRows.Select(r => new ActivityRecordView(r.Id, r.ActivityId, titles.GetValueOrDefault(r.ActivityId, "removed activity"), r.Day, r.Time,
            r.Outcome, r.Rating, r.Note, r.Reason, r.PatientReported, r.RecordedAt, names.GetValueOrDefault(r.RecordedBy, "unknown"))).ToList();
        var open = await OpenAsync(patient, zone, versions.Select(v => v.Snapshot).ToList(), ct);
        return new CarePlanView(patient.Id, today, zone.Id, plan.CurrentVersion, plan.ConcurrencyStamp, activities, weeks, history, records, open);
    }

    private async Task<IReadOnlyList<OpenOccurrence>> OpenAsync(Patient patient, ClinicZone zone, IReadOnlyList<PlanVersionSnapshot> versions, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = zone.Today(now);
        var from = today.AddDays(-(RecordableDays - 1));
        var records = await OccurrenceRecordsAsync(patient.Id, from, ct);
        return CarePlanSchedule.Occurrences(versions, zone.Zone, from, today)
            .OrderByDescending(o => o.At)
            .Select(o => new OpenOccurrence(o.Activity.Id, o.Activity.Title, ActivityCatalogue.Default.IsKnown(o.Activity.Kind) && ActivityCatalogue.Default.Get(o.Activity.Kind).RunByClinic,
                o.Day, Hm(o.Time), records.LastOrDefault(r => r.ActivityId == o.Activity.Id && r.Day == o.Day && r.Time == o.Time)?.Outcome.ToString().ToLowerInvariant()))
            .ToList();
    }

    /// <summary>Makes a new version of the patient's plan (the first one creates the plan). A stale or missing stamp is refused.</summary>
    public async Task<CarePlanWriteResult> SaveAsync(Patient patient, CarePlanRequest request, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var plan = await db.CarePlans.FirstOrDefaultAsync(p => p.PatientId == patient.Id, ct);
        var known = new HashSet<Guid>();
        if (plan is not null)
        {
            var latest = await db.CarePlanVersions.AsNoTracking().Where(v => v.CarePlanId == plan.Id && v.Version == plan.CurrentVersion)
                .Select(v => v.ActivitiesJson).FirstAsync(ct);
            known.UnionWith(Deserialise(latest).Select(a => a.Id));
        }

        var (activities, found) = CarePlanRules.Check(request.Activities, request.Reason, known, Guid.NewGuid);
        var errors = new Dictionary<string, string[]>(found);
        if (plan is not null && request.ConcurrencyStamp is null)
        {
            errors["concurrencyStamp"] = ["Send the concurrencyStamp of the plan as you read it, so a change made since is not overwritten."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        if (plan is null && request.ConcurrencyStamp is not null)
        {
            return new(Outcome.Stale("The plan changed since you read it; reload it and decide again."));
        }

        if (plan is null)
        {
            plan = new CarePlan { Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, CurrentVersion = 0, CreatedAt = now };
            db.CarePlans.Add(plan);
        }
        else if (plan.ConcurrencyStamp != request.ConcurrencyStamp)
        {
            return new(Outcome.Stale("The plan changed since you read it; reload it and decide again."));
        }
        else
        {
            db.Entry(plan).Property(p => p.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!.Value;
        }

        plan.CurrentVersion++;
        plan.UpdatedAt = now;
        plan.ConcurrencyStamp = Guid.NewGuid();
        var version = new CarePlanVersion
        {
            Id = Guid.NewGuid(), CarePlanId = plan.Id, Version = plan.CurrentVersion, ChangedAt = now, ChangedBy = userId,
            Reason = request.Reason!.Trim(), ActivitiesJson = Serialise(activities),
        };
        db.CarePlanVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale stamp, or another first version saved at the same moment (the unique patient or version index).
            db.ChangeTracker.Clear();
            return new(Outcome.Stale("The plan changed since you read it; reload it and decide again."));
        }

        return new(Outcome.Done, version.Id, version.Version, plan.ConcurrencyStamp);
    }

    /// <summary>Records one occurrence: a patient marks their own activity done; staff record attended or missed. Only an
    /// occurrence the plan has on that day and time, today or in the last <see cref="RecordableDays"/> days, and only once.</summary>
    public async Task<CarePlanWriteResult> RecordAsync(Patient patient, ActivityRecordRequest request, Guid userId, bool patientReported, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var today = zone.Today(now);
        var errors = new Dictionary<string, string[]>();
        OccurrenceOutcome? outcome = request.Outcome?.Trim().ToLowerInvariant() switch
        {
            "done" => OccurrenceOutcome.Done,
            "attended" => OccurrenceOutcome.Attended,
            "missed" => OccurrenceOutcome.Missed,
            _ => null,
        };
        if (patientReported && outcome != OccurrenceOutcome.Done)
        {
            errors["outcome"] = ["You can mark an activity done (outcome: done)."];
        }
        else if (!patientReported && outcome is not (OccurrenceOutcome.Attended or OccurrenceOutcome.Missed))
        {
            errors["outcome"] = ["Staff record attendance: attended or missed."];
        }

        if (request.ActivityId is null)
        {
            errors["activityId"] = ["Say which activity (activityId)."];
        }

        if (request.Day is not { } day || day > today || day < today.AddDays(-(RecordableDays - 1)))
        {
            errors["day"] = [$"The day (yyyy-MM-dd) is today or one of the {RecordableDays - 1} days before it, in the clinic's time zone."];
        }

        TimeOnly? time = TimeOnly.TryParseExact(request.Time?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
        if (time is null)
        {
            errors["time"] = ["The scheduled time, 24-hour clock, like 18:00."];
        }

        if (outcome is { } o)
        {
            foreach (var (k, v) in CarePlanRules.CheckRecord(o, request.Rating, request.Note, request.Reason))
            {
                errors[k] = v;
            }
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var (plan, versions) = await LoadAsync(patient.Id, ct);
        var occurrence = plan is null ? null : CarePlanSchedule.Occurrences(versions.Select(v => v.Snapshot).ToList(), zone.Zone, request.Day!.Value, request.Day.Value)
            .FirstOrDefault(x => x.Activity.Id == request.ActivityId && x.Time == time);
        if (occurrence is null)
        {
            return new(Outcome.Invalid("activityId", "The care plan has no such activity on that day at that time."));
        }

        if (await db.CarePlanActivityRecords.AnyAsync(r => r.ActivityId == occurrence.Activity.Id && r.Day == occurrence.Day && r.Time == Hm(occurrence.Time), ct))
        {
            return new(Outcome.Conflict("This activity is already recorded for that day and time."));
        }

        var record = new CarePlanActivityRecord
        {
            Id = Guid.NewGuid(), CarePlanId = plan!.Id, PatientId = patient.Id, ActivityId = occurrence.Activity.Id, Day = occurrence.Day,
            Time = Hm(occurrence.Time), Outcome = outcome!.Value.ToString().ToLowerInvariant(), Rating = outcome == OccurrenceOutcome.Missed ? null : request.Rating,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            PatientReported = patientReported, RecordedAt = now, RecordedBy = userId,
        };
        db.CarePlanActivityRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new(Outcome.Conflict("This activity is already recorded for that day and time."));
        }

        return new(Outcome.Done, record.Id);
    }

    /// <summary>The patient's activities due on a clinic day (for Today and reminders).</summary>
    public async Task<IReadOnlyList<DueToday>> DueOnAsync(Patient patient, ClinicZone zone, DateOnly day, CancellationToken ct)
    {
        var (_, versions) = await LoadAsync(patient.Id, ct);
        if (versions.Count == 0)
        {
            return [];
        }

        var records = await OccurrenceRecordsAsync(patient.Id, day, ct);
        return CarePlanToday.On(versions.Select(v => v.Snapshot).ToList(), records, zone.Zone, day);
    }
}
