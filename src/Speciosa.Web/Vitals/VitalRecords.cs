using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Vitals;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Medicines;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Vitals;

/// <summary>Vital signs, sedation (POSS) and ECGs: validates and stores them, and raises their alerts in the same save
/// (sedation and breathing on each set, Critical with a benzodiazepine, gabapentinoid or alcohol on the medicine list;
/// QTc on the newest ECG; the ECG prompt). Reads the medicine list through <see cref="MedicineQueries"/> and COWS
/// resting pulses through <see cref="PulseReadings"/>, and the intake peak (for "intake is high") through
/// <see cref="RegimenQueries"/>. The API and the page call the same methods.</summary>
public sealed class VitalRecords(SpeciosaDbContext db, MedicineQueries medicines, PulseReadings pulses, RegimenQueries regimens, IOptions<VitalsOptions> options)
{
    public VitalsThresholds Thresholds => options.Value.Thresholds;

    public async Task<VitalsWriteResult> RecordVitalsAsync(Patient patient, VitalsRequest r, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var heartRate = r.HeartRateBpm;
        var takenAt = r.TakenAt ?? now;
        if (r.CowsAssessmentId is { } assessmentId)
        {
            var pulse = await pulses.CowsPulseAsync(patient.Id, assessmentId, ct);
            if (pulse is null)
            {
                errors["cowsAssessmentId"] = ["A COWS assessment of this patient with a resting pulse recorded, or leave it out."];
            }
            else if (await db.VitalSigns.AnyAsync(v => v.HeartRateAssessmentId == assessmentId, ct))
            {
                errors["cowsAssessmentId"] = ["That COWS resting pulse is already the heart rate of another set of vital signs."];
            }
            else if (heartRate is { } given && given != pulse.PulseBpm)
            {
                errors["heartRateBpm"] = [$"Taken with the COWS, the heart rate is its resting pulse ({pulse.PulseBpm} bpm): one reading. Leave it empty or enter {pulse.PulseBpm}."];
            }
            else
            {
                heartRate = pulse.PulseBpm;
                takenAt = r.TakenAt ?? pulse.AssessedAt;
            }
        }

        var reading = new VitalSignReading(heartRate, r.SystolicMmHg, r.DiastolicMmHg, r.RespiratoryRatePerMin, r.Spo2Percent, r.TemperatureCelsius,
            string.IsNullOrWhiteSpace(r.Poss) ? null : r.Poss.Trim());
        foreach (var (field, problems) in VitalSignValidation.Validate(reading, takenAt, now))
        {
            errors.TryAdd(field, problems);
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var poss = VitalSignCatalogue.Default.PossLevelOf(reading.Poss);
        var set = new VitalSignSet
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, TakenAt = takenAt, HeartRateBpm = heartRate,
            HeartRateAssessmentId = r.CowsAssessmentId, SystolicMmHg = r.SystolicMmHg, DiastolicMmHg = r.DiastolicMmHg,
            RespiratoryRatePerMin = r.RespiratoryRatePerMin, Spo2Percent = r.Spo2Percent, TemperatureCelsius = r.TemperatureCelsius,
            Poss = poss?.Level, PossVersion = poss is null ? null : VitalSignCatalogue.Default.Poss.Version, RecordedAt = now, RecordedByUserId = userId,
        };
        db.VitalSigns.Add(set);
        var listed = await ListedAsync(patient.Id, ct);
        var assessment = BreathingRules.Evaluate(reading, takenAt, listed, Thresholds);
        var added = await AlertBook.AddNewAsync(db, patient, assessment.Alerts, now, ct);
        added = await AlertBook.SaveAsync(db, added, () => AlertBook.AddNewAsync(db, patient, assessment.Alerts, now, ct), ct);
        return new(Outcome.Done, new VitalsRecorded(ViewOf(set), assessment.Findings, added.Select(AlertBook.ViewOf).ToList()));
    }

    /// <summary>The newest set of vital signs, or null: one query (the list's page also counts).</summary>
    public async Task<VitalSignsView?> LatestAsync(Guid patientId, CancellationToken ct) =>
        (await db.VitalSigns.AsNoTracking().Where(v => v.PatientId == patientId).ToListAsync(ct)).MaxBy(v => v.TakenAt) is { } newest
            ? ViewOf(newest) : null;

    public async Task<ListPage<VitalSignsView>> ListAsync(Guid patientId, PageRequest paging, CancellationToken ct)
    {
        var query = db.VitalSigns.AsNoTracking().Where(v => v.PatientId == patientId);
        var total = await query.CountAsync(ct);
        var items = (await query.ToListAsync(ct)).OrderByDescending(v => v.TakenAt).Skip(paging.Skip).Take(paging.Size).Select(ViewOf).ToList();
        return paging.Of<VitalSignsView>(items, total);
    }

    /// <summary>Every observation as a trend point, oldest first; COWS resting pulses not shared with a set are heart-rate
    /// points of their own (source "COWS resting pulse"), so the heart-rate line holds every reading once.</summary>
    public async Task<VitalsTrend> TrendAsync(Guid patientId, CancellationToken ct)
    {
        var sets = await db.VitalSigns.AsNoTracking().Where(v => v.PatientId == patientId).ToListAsync(ct);
        var cows = await pulses.CowsPulsesAsync(patientId, ct);
        var shared = sets.Where(s => s.HeartRateAssessmentId is not null).Select(s => s.HeartRateAssessmentId!.Value).ToHashSet();
        var points = new List<TrendPoint>();
        foreach (var s in sets)
        {
            var source = s.HeartRateAssessmentId is null ? "vital signs" : "vital signs (heart rate = COWS resting pulse)";
            Add(points, s.TakenAt, "heartRate", s.HeartRateBpm, "/min", source);
            Add(points, s.TakenAt, "systolic", s.SystolicMmHg, "mm[Hg]", source);
            Add(points, s.TakenAt, "diastolic", s.DiastolicMmHg, "mm[Hg]", source);
            Add(points, s.TakenAt, "respiratoryRate", s.RespiratoryRatePerMin, "/min", source);
            Add(points, s.TakenAt, "spo2", s.Spo2Percent, "%", source);
            Add(points, s.TakenAt, "temperature", s.TemperatureCelsius, "Cel", source);
            Add(points, s.TakenAt, "poss", s.Poss is null ? null : s.Poss == "S" ? 0 : int.Parse(s.Poss, System.Globalization.CultureInfo.InvariantCulture), "POSS level (S = 0)", source);
        }

        foreach (var p in cows.Where(p => !shared.Contains(p.AssessmentId)))
        {
            Add(points, p.AssessedAt, "heartRate", p.PulseBpm, "/min", "COWS resting pulse");
        }

        return new(points.OrderBy(p => p.At).ToList(), Thresholds.RespiratoryRateText, Thresholds.Spo2Text);
    }

    private static void Add(List<TrendPoint> points, DateTimeOffset at, string series, decimal? value, string unit, string source)
    {
        if (value is { } v)
        {
            points.Add(new(at, series, v, unit, source));
        }
    }

    public async Task<EcgWriteResult> RecordEcgAsync(Patient patient, EcgRequest r, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var takenAt = r.TakenAt ?? now;
        var reading = new EcgReading(r.QtcMs, r.CorrectionFormula, r.QtMs, r.HeartRateBpm);
        var errors = EcgValidation.Validate(reading, takenAt, now);
        if (r.Interpretation is { Length: > 500 })
        {
            errors["interpretation"] = ["The reader's interpretation, up to 500 characters, or leave it out."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        var ecg = new Ecg
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, TakenAt = takenAt, QtcMs = r.QtcMs!.Value,
            CorrectionFormula = HeartCatalogue.Default.FormulaOf(r.CorrectionFormula)!.Id, QtMs = r.QtMs, HeartRateBpm = r.HeartRateBpm,
            Interpretation = string.IsNullOrWhiteSpace(r.Interpretation) ? null : r.Interpretation.Trim(), RecordedAt = now, RecordedByUserId = userId,
        };
        db.Ecgs.Add(ecg);
        var (added, resolved) = await StageHeartAsync(patient, now, ct, ecg);
        added = await AlertBook.SaveAsync(db, added, async () => (await StageHeartAsync(patient, now, ct, ecg)).Added, ct);
        return new(Outcome.Done, new EcgRecorded(ViewOf(ecg), added.Select(AlertBook.ViewOf).ToList(), resolved.Select(AlertBook.ViewOf).ToList()));
    }

    /// <summary>Reconciles the QTc rules on the newest ECG and the ECG prompt (stages; the caller saves).</summary>
    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageHeartAsync(Patient patient, DateTimeOffset now, CancellationToken ct, Ecg? adding = null) =>
        await HeartStaging.StageAsync(db, patient, await ListedAsync(patient.Id, ct), Thresholds, await IntakeAsync(patient.Id, now, ct), now, ct, adding);

    /// <summary>Whether intake is high against the clinic's figure (never high without one).</summary>
    public async Task<HighIntake> IntakeAsync(Guid patientId, DateTimeOffset now, CancellationToken ct) =>
        HighIntake.Judge(await regimens.IntakePeakAsync(patientId, now, ct), Thresholds.HighIntakeMitragynineMgPerDay);

    public async Task<HeartView> HeartAsync(Guid patientId, DateTimeOffset now, CancellationToken ct) =>
        await HeartAsync(patientId, now, await ListedAsync(patientId, ct), await IntakeAsync(patientId, now, ct), ct);

    public async Task<SeizureRiskView> SeizureRiskAsync(Guid patientId, DateTimeOffset now, CancellationToken ct) =>
        SeizureRiskOf(await ListedAsync(patientId, ct), await IntakeAsync(patientId, now, ct));

    /// <summary>Both judgements the overview shows, from one read of the medicine list and of the intake (issue 17: each
    /// alone reads both).</summary>
    public async Task<(SeizureRiskView Seizure, HeartView Heart)> SeizureRiskAndHeartAsync(Guid patientId, DateTimeOffset now, CancellationToken ct)
    {
        var listed = await ListedAsync(patientId, ct);
        var intake = await IntakeAsync(patientId, now, ct);
        return (SeizureRiskOf(listed, intake), await HeartAsync(patientId, now, listed, intake, ct));
    }

    private async Task<HeartView> HeartAsync(Guid patientId, DateTimeOffset now, List<ListedMedicine> listed, HighIntake intake, CancellationToken ct)
    {
        var ecgs = (await db.Ecgs.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync(ct)).OrderByDescending(e => e.TakenAt).ToList();
        var qt = HeartRules.QtMedicines(listed).Select(q => $"{q.Medicine.Described} ({q.Why})").ToList();
        var prompt = HeartRules.EcgPrompt(listed, ecgs.FirstOrDefault()?.TakenAt, now, Thresholds, intake);
        var heart = HeartCatalogue.Default;
        var source = VitalSources.Get(heart.ThresholdSource);
        return new(ecgs.Select(ViewOf).ToList(), qt, prompt is not null,
            $"ECG prompt: a QT-prolonging medicine on the list or high intake, and {Thresholds.EcgRecentText}",
            $"QTc above {heart.DiscussAboveMs} ms: discuss; above {heart.ActAboveMs} ms: act", source.Citation, source.Unconfirmed,
            new IntakeView(intake.IsHigh, intake.Finding, intake.Rule, Thresholds.HighIntakeMitragynineMgPerDay is not null));
    }

    private static SeizureRiskView SeizureRiskOf(List<ListedMedicine> listed, HighIntake intake)
    {
        var flags = SeizureRisk.Flags(listed, intake);
        return new(SeizureRisk.Background, SourceOf(SeizureRisk.BackgroundSource),
            flags.Select(f => new SeizureFlagView(f.Definition.Id, f.Definition.Title, f.Definition.Text,
                f.Medicines.Select(m => m.Described).ToList(), f.Sources.Select(SourceOf).ToList(), f.Intake)).ToList(),
            intake.Rule);
    }

    public static SourceView SourceOf(Source s) => new(s.Id, s.Citation, s.Url, s.Unconfirmed);

    private async Task<List<ListedMedicine>> ListedAsync(Guid patientId, CancellationToken ct) =>
        (await medicines.CurrentAsync(patientId, ct)).Select(m => new ListedMedicine(m.Name, m.Dose, m.ClassIds)).ToList();

    public static VitalSignsView ViewOf(VitalSignSet s) =>
        new(s.Id, s.TakenAt, s.HeartRateBpm, s.HeartRateBpm is null ? null : s.HeartRateAssessmentId is null ? "vital signs" : "COWS resting pulse",
            s.HeartRateAssessmentId, s.SystolicMmHg, s.DiastolicMmHg, s.RespiratoryRatePerMin, s.Spo2Percent, s.TemperatureCelsius,
            s.Poss, VitalSignCatalogue.Default.PossLevelOf(s.Poss)?.Label, s.PossVersion, s.RecordedAt);

    public static EcgView ViewOf(Ecg e)
    {
        var heart = HeartCatalogue.Default;
        var verdict = e.QtcMs > heart.ActAboveMs ? $"above {heart.ActAboveMs} ms: act"
            : e.QtcMs > heart.DiscussAboveMs ? $"above {heart.DiscussAboveMs} ms: discuss" : $"not above {heart.DiscussAboveMs} ms";
        return new(e.Id, e.TakenAt, e.QtcMs, e.CorrectionFormula, heart.FormulaOf(e.CorrectionFormula)?.Name ?? e.CorrectionFormula,
            e.QtMs, e.HeartRateBpm, e.Interpretation, verdict, e.RecordedAt);
    }
}

/// <summary>The QTc rules on the newest ECG and the ECG prompt, staged on a context for its caller to save. Needs no
/// Medicines service (the list is passed in), so Medicines' list-changed handler can use it without a cycle.</summary>
public static class HeartStaging
{
    private static readonly string[] QtcRuleIds = VitalAlertRules.Qtc.Select(r => r.Id).ToArray();
    private static readonly string[] EcgPromptRuleIds = VitalAlertRules.EcgPrompts.Select(r => r.Id).ToArray();

    public static async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageAsync(SpeciosaDbContext db, Patient patient,
        IReadOnlyList<ListedMedicine> listed, VitalsThresholds thresholds, HighIntake intake, DateTimeOffset now, CancellationToken ct, Ecg? adding = null)
    {
        var stored = await db.Ecgs.AsNoTracking().Where(e => e.PatientId == patient.Id).ToListAsync(ct);
        var all = adding is null ? stored : stored.Where(e => e.Id != adding.Id).Append(adding).ToList();
        var newest = all.OrderByDescending(e => e.TakenAt).ThenByDescending(e => e.RecordedAt).FirstOrDefault();
        var qtc = newest is null ? [] : HeartRules.EvaluateQtc(new EcgReading(newest.QtcMs, newest.CorrectionFormula, newest.QtMs, newest.HeartRateBpm), newest.TakenAt);
        var (addedQtc, resolvedQtc) = await AlertBook.ReconcileAsync(db, patient, QtcRuleIds, qtc, now, ct);
        var prompt = HeartRules.EcgPrompt(listed, newest?.TakenAt, now, thresholds, intake);
        var (addedPrompt, resolvedPrompt) = await AlertBook.ReconcileAsync(db, patient, EcgPromptRuleIds, prompt is null ? [] : [prompt], now, ct);
        return ([.. addedQtc, .. addedPrompt], [.. resolvedQtc, .. resolvedPrompt]);
    }
}

/// <summary>A medicine added: the ECG prompt is judged at once with the list as it will be saved (a QT-prolonging
/// medicine without a recent ECG), not only at the next sweep. And while a sedation or breathing alert (High) is still
/// active, the newest vital signs are judged again with the new list, so a benzodiazepine, gabapentinoid or alcohol
/// added after a POSS 3 makes it Critical at once (no time window is assumed: the active alert is the staff's word that
/// the finding still stands).</summary>
public sealed class EcgPromptOnMedicineChange(SpeciosaDbContext db, RegimenQueries regimens, IOptions<VitalsOptions> options) : IMedicineListChangedHandler
{
    private static readonly string[] HighBreathingRules =
        [VitalAlertRules.UnacceptableSedation.Id, VitalAlertRules.LowRespiratoryRate.Id, VitalAlertRules.LowSpo2.Id];

    public async Task<List<RaisedAlert>> MedicineListChangedAsync(Patient patient, IReadOnlyList<CurrentMedicine> current, DateTimeOffset now, CancellationToken ct)
    {
        var listed = current.Select(m => new ListedMedicine(m.Name, m.Dose, m.ClassIds)).ToList();
        var thresholds = options.Value.Thresholds;
        var intake = HighIntake.Judge(await regimens.IntakePeakAsync(patient.Id, now, ct), thresholds.HighIntakeMitragynineMgPerDay);
        var added = (await HeartStaging.StageAsync(db, patient, listed, thresholds, intake, now, ct)).Added;
        var breathingActive = await db.Alerts.AnyAsync(a => a.PatientId == patient.Id && HighBreathingRules.Contains(a.RuleId)
            && a.Status != AlertStatus.Resolved, ct);
        if (breathingActive && (await db.VitalSigns.AsNoTracking().Where(v => v.PatientId == patient.Id).ToListAsync(ct))
                .OrderByDescending(v => v.TakenAt).FirstOrDefault() is { } newest)
        {
            var reading = new VitalSignReading(newest.HeartRateBpm, newest.SystolicMmHg, newest.DiastolicMmHg, newest.RespiratoryRatePerMin,
                newest.Spo2Percent, newest.TemperatureCelsius, newest.Poss);
            var critical = BreathingRules.Evaluate(reading, newest.TakenAt, listed, thresholds).Alerts
                .Where(a => a.Rule == VitalAlertRules.DepressionWithCnsDepressant).ToList();
            added.AddRange(await AlertBook.AddNewAsync(db, patient, critical, now, ct));
        }

        return added;
    }
}

/// <summary>The periodic check of the ECG prompt (a QT-prolonging medicine on the list or high intake, and no ECG within
/// the clinic's interval: an ECG grows old with time alone, and doses recorded since raise intake) and of the QTc on the
/// newest ECG.</summary>
public sealed class VitalsReview(VitalRecords records) : ISafetyReview
{
    public Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        records.StageHeartAsync(patient, now, ct);
}
