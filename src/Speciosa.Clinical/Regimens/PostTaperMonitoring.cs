using System.Globalization;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;
using Speciosa.Clinical.Withdrawal.Course;

namespace Speciosa.Clinical.Regimens;

/// <summary>A scheduled withdrawal check after the taper reached zero: due at a window edge of kratom's expected course; done by
/// any COWS or SOWS taken after the previous check's due time (or the last use) and before the next check's.</summary>
public sealed record PostTaperCheck(int Number, string Label, DateTimeOffset DueAt, ScoreReading? Reading, PostTaperCheckState State);

/// <summary>Where a scheduled check stands at a moment.</summary>
public enum PostTaperCheckState
{
    /// <summary>Not due yet and no reading yet.</summary>
    Upcoming,

    /// <summary>A COWS or SOWS was taken for it by its due time.</summary>
    Done,

    /// <summary>Taken after its due time (before the next check's).</summary>
    DoneLate,

    /// <summary>Due time passed with no reading.</summary>
    Overdue,
}

/// <summary>The monitoring window after a kratom taper reached zero: from the last use (the last logged dose on or after the
/// day before the taper's zero day, else the start of the zero day) to the expected end of acute kratom withdrawal, with the
/// scheduled checks and the readings inside it. Every course figure is unconfirmed (clinical audit section 3 item 4).</summary>
public sealed record PostTaperWindow(
    DateOnly ZeroDay,
    DateTimeOffset LastUse,
    string LastUseBasis,
    DateTimeOffset End,
    ExpectedCourse Course,
    IReadOnlyList<PostTaperCheck> Checks,
    IReadOnlyList<ScoreReading> Readings)
{
    public bool Contains(DateTimeOffset at) => at >= LastUse && at <= End;
}

/// <summary>The post-taper monitoring rules (issue 13 part 4). Pure: time, readings and the clinic zone are passed in.</summary>
public static class PostTaperMonitoring
{
    private static readonly Lazy<Settings> Knowledge = new(() => KnowledgeFile.Read<Settings>("dosing/post-taper-monitoring.json"));

    /// <summary>COWS total from which withdrawal counts as emerged: the start of the published mild band (Wesson &amp; Ling 2003).</summary>
    public static int CowsEmergenceFrom => Knowledge.Value.CowsEmergenceFrom;

    public static Source CowsBandsSource => SourceOf("COWS-BANDS");

    public static Source AuditSource => SourceOf("AUDIT-3-4");

    public static Source SowsSource => SourceOf("SOWS-NO-BANDS");

    /// <summary>Both rules rest on the audit's unconfirmed course figures and the COWS bands.</summary>
    public static Source RuleSource { get; } = new("post-taper-monitoring",
        $"{SourceOf("AUDIT-3-4").Citation} Course: withdrawal/withdrawal-courses.json class kratom. {SourceOf("COWS-BANDS").Citation}",
        SourceOf("COWS-BANDS").Url, Unconfirmed: true);

    /// <summary>A scheduled COWS or SOWS after the taper reached zero has passed without one.</summary>
    public static AlertRule CheckDue { get; } = new("dosing.post-taper-check-due", 1, AlertSeverity.Warning,
        "Scheduled withdrawal check after the kratom taper reached zero is overdue", RuleSource);

    /// <summary>COWS from the mild band (or SOWS from the clinic's figure) within the window: withdrawal emerged.</summary>
    public static AlertRule WithdrawalEmerged { get; } = new("dosing.post-taper-withdrawal", 1, AlertSeverity.Warning,
        "Withdrawal emerged after the kratom taper reached zero", RuleSource);

    public static IReadOnlyList<AlertRule> Rules { get; } = [CheckDue, WithdrawalEmerged];

    /// <summary>The kratom course class the window follows.</summary>
    public static WithdrawalCourseClass CourseClass(WithdrawalCourseCatalog? courses = null) =>
        (courses ?? WithdrawalCourseCatalog.Default).FindClass(Knowledge.Value.CourseClass)
        ?? throw new InvalidOperationException($"Course class '{Knowledge.Value.CourseClass}' is not in the course knowledge.");

    /// <summary>The day the taper reaches zero: its last entry, when that entry is 0 g a day; else null.</summary>
    public static DateOnly? ZeroDay(TaperCalendar? taper) =>
        taper is { Entries.Count: > 0 } && taper.Entries[^1].GramsPerDay == 0m ? taper.Entries[^1].StartsOn : null;

    /// <summary>The window of a taper whose zero day has come (on or before the clinic day of <paramref name="now"/>); null when
    /// the taper does not end at zero or its zero day is still ahead. <paramref name="lastDose"/> is the patient's latest logged
    /// dose at or before now, if any.</summary>
    public static PostTaperWindow? Window(TaperCalendar? taper, DateTimeOffset? lastDose, IReadOnlyList<ScoreReading> readings,
        DateTimeOffset now, TimeZoneInfo clinicZone, WithdrawalCourseClass? course = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(clinicZone);
        if (ZeroDay(taper) is not { } zero || zero > ClinicDay.Of(now, clinicZone))
        {
            return null;
        }

        course ??= CourseClass();
        var zeroStart = StartOf(zero, clinicZone);
        var dayBefore = StartOf(zero.AddDays(-1), clinicZone);
        var (lastUse, basis) = lastDose is { } d && d >= dayBefore
            ? (d, $"last logged dose, {DosingText.Instant(d)}")
            : (zeroStart, $"start of the taper's zero day {DosingText.Day(zero)} (no dose logged since the day before)");
        var expected = ExpectedCourse.From(course, lastUse);
        var end = expected.AcuteEnd?.To ?? lastUse;
        var inWindow = readings.Where(r => r.TakenAt >= lastUse && r.TakenAt <= end).OrderBy(r => r.TakenAt).ToList();

        var dues = Knowledge.Value.Checks
            .Select(c => (c.Label, Window: c.Edge switch
            {
                "onset" => expected.Onset,
                "peak" => expected.Peak,
                "acuteEnd" => expected.AcuteEnd,
                _ => throw new InvalidOperationException($"Unknown check edge '{c.Edge}'."),
            }))
            .Where(c => c.Window is not null)
            .Select(c => (c.Label, Due: c.Window!.To))
            .ToList();
        // Check i is done by a reading after the previous check's due time (the last use for the first) up to its own; a check
        // missed by then is done late by the first reading before the next check's due time, which that reading then does not
        // also count for.
        var checks = new List<PostTaperCheck>();
        var taken = readings.Where(r => r.TakenAt <= now).OrderBy(r => r.TakenAt).ToList();
        ScoreReading? claimed = null;
        for (var i = 0; i < dues.Count; i++)
        {
            var opens = i == 0 ? lastUse : dues[i - 1].Due;
            var closes = i + 1 < dues.Count ? dues[i + 1].Due : DateTimeOffset.MaxValue;
            var onTime = taken.FirstOrDefault(r => r.TakenAt > opens && r.TakenAt <= dues[i].Due && !ReferenceEquals(r, claimed));
            var late = onTime is null ? taken.FirstOrDefault(r => r.TakenAt > dues[i].Due && r.TakenAt <= closes) : null;
            claimed = late;
            var state = onTime is not null ? PostTaperCheckState.Done
                : late is not null ? PostTaperCheckState.DoneLate
                : now > dues[i].Due ? PostTaperCheckState.Overdue : PostTaperCheckState.Upcoming;
            checks.Add(new PostTaperCheck(i + 1, dues[i].Label, dues[i].Due, onTime ?? late, state));
        }

        return new PostTaperWindow(zero, lastUse, basis, end, expected, checks, inWindow);
    }

    /// <summary>The alerts a window raises at <paramref name="now"/>: the latest overdue check (one at a time; an earlier one
    /// clears when a later one falls due), and withdrawal emerged when any COWS in the window reached
    /// <see cref="CowsEmergenceFrom"/> or any SOWS reached <paramref name="sowsEmergenceFrom"/> (the clinic's figure; without
    /// one, SOWS is shown but not judged). Condition keys: <c>dosing:post-taper-check:{regimen}:{n}</c> and
    /// <c>dosing:post-taper-withdrawal:{regimen}</c>; the caller prefixes the patient.</summary>
    public static IReadOnlyList<Alert> Evaluate(PostTaperWindow window, string regimenKey, DateTimeOffset now, int? sowsEmergenceFrom)
    {
        ArgumentNullException.ThrowIfNull(window);
        var alerts = new List<Alert>();
        var course = window.Course;
        var courseInputs = new List<AlertInput>
        {
            new("Taper reached zero on", DosingText.Day(window.ZeroDay)),
            new("Last use", window.LastUseBasis),
            new("Monitoring window ends", $"{DosingText.Instant(window.End)} (expected end of acute kratom withdrawal, {Figures(course.AcuteEnd)})"),
        };

        var latestDue = window.Checks.Where(c => c.DueAt <= now).MaxBy(c => c.DueAt);
        if (latestDue is { State: PostTaperCheckState.Overdue })
        {
            alerts.Add(new Alert(CheckDue, $"dosing:post-taper-check:{regimenKey}:{latestDue.Number}",
                $"Scheduled withdrawal check {latestDue.Number} of {window.Checks.Count} after the kratom taper reached zero " +
                $"({latestDue.Label}, due {DosingText.Instant(latestDue.DueAt)}) has no COWS or SOWS yet. Record a COWS (staff) or " +
                "ask the patient for a SOWS; both are used off-label for kratom.",
                [.. courseInputs, new("Check due", $"{latestDue.Label}: {DosingText.Instant(latestDue.DueAt)}")],
                $"a COWS or SOWS between {DosingText.Instant(latestDue.Number == 1 ? window.LastUse : window.Checks[latestDue.Number - 2].DueAt)} " +
                $"and {DosingText.Instant(latestDue.DueAt)} (a window edge of the kratom course, UNCONFIRMED)"));
        }

        var cows = window.Readings.Where(r => r.Scale == WithdrawalScale.Cows && r.Total >= CowsEmergenceFrom && r.TakenAt <= now);
        var sows = sowsEmergenceFrom is { } from
            ? window.Readings.Where(r => r.Scale == WithdrawalScale.Sows && r.Total >= from && r.TakenAt <= now)
            : [];
        if (cows.Concat(sows).MinBy(r => r.TakenAt) is { } first)
        {
            var hours = (first.TakenAt - window.LastUse).TotalHours;
            var threshold = $"COWS total ≥ {CowsEmergenceFrom} (start of the mild band, Wesson & Ling 2003)" +
                (sowsEmergenceFrom is { } s ? $" or SOWS total ≥ {s} (the clinic's figure; SOWS has no validated bands)" : "") +
                $" between the last use and {DosingText.Instant(window.End)} (last use + {course.AcuteEnd?.Figures.ToHours} h, UNCONFIRMED)";
            alerts.Add(new Alert(WithdrawalEmerged, $"dosing:post-taper-withdrawal:{regimenKey}",
                $"Withdrawal emerged after the kratom taper reached zero: {Reading(first)}, " +
                $"{hours.ToString("0", CultureInfo.InvariantCulture)} h after the last use (expected onset {Figures(course.Onset)}). " +
                "Clinician review: symptom relief, the plan, relapse and overdose risk (tolerance falls after stopping), and " +
                "medication for opioid use disorder (buprenorphine, methadone, naltrexone) if not already discussed.",
                [.. courseInputs, new("Reading", Reading(first)), new("Hours after last use", hours.ToString("0.#", CultureInfo.InvariantCulture)),
                    new("Scale", "COWS and SOWS are used off-label for kratom; no validated kratom withdrawal scale exists")],
                threshold));
        }

        return alerts;
    }

    private static string Reading(ScoreReading r) =>
        $"{(r.Scale == WithdrawalScale.Cows ? "COWS" : "SOWS")} {r.Total.ToString(CultureInfo.InvariantCulture)} at {DosingText.Instant(r.TakenAt)}" +
        (r.RatedBy == ScoreRater.Patient ? " (patient-reported)" : " (staff-rated)");

    private static string Figures(CourseWindow? w) =>
        w is null ? "no figure" : $"{w.Figures.FromHours}-{w.Figures.ToHours} h{(w.Figures.Unconfirmed ? ", UNCONFIRMED" : "")}";

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static Source SourceOf(string id)
    {
        var s = Knowledge.Value.Sources.First(x => x.Id == id);
        return new Source(s.Id, s.Citation, s.Url, s.Unconfirmed);
    }

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record CheckEntry(string Edge, string Label);

    private sealed record Settings(int Version, string AsOf, string CourseClass, int CowsEmergenceFrom,
        IReadOnlyList<SourceEntry> Sources, IReadOnlyList<CheckEntry> Checks);
}
