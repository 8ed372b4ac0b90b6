using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Liver;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Liver;

/// <summary>Evaluates a patient's liver results with the clinical core and reconciles the liver alerts (Hy's law,
/// DILI, CTCAE ≥ 3, ALT/AST above 3 × ULN, INR with a raised aminotransferase, the FDA 2009 stopping criteria and the
/// monitoring schedule): new conditions raise, cleared ones resolve automatically. Reads the
/// results tracked in the context, so results added or marked in error but not yet saved count — the caller saves
/// results and alerts in one SaveChanges.</summary>
public sealed class LiverReview(SpeciosaDbContext db, LiverSettings settings, IRegimenStatus regimens) : IRegimenChangedHandler, ISafetyReview
{
    private static readonly string[] EvaluationRules = LiverAlertRules.All.Select(r => r.Id).ToArray();
    private static readonly string[] ScheduleRules = LiverMonitoring.All.Select(r => r.Id).ToArray();

    public LiverSettings Settings => settings;

    /// <summary>The patient's current (not entered-in-error) results, oldest first, tracked, including unsaved ones in the
    /// context; <paramref name="loaded"/> when this context has already loaded them (those added since are in it too).</summary>
    public async Task<List<LabResult>> CurrentResultsAsync(Guid patientId, CancellationToken ct, bool loaded = false)
    {
        if (!loaded)
        {
            await db.LabResults.Where(r => r.PatientId == patientId).LoadAsync(ct);
        }

        return db.LabResults.Local.Where(r => r.PatientId == patientId && !r.EnteredInError).OrderBy(r => r.CollectedAt).ToList();
    }

    public LiverEvaluation Evaluate(IReadOnlyList<LabResult> results) =>
        LiverEvaluation.Evaluate(results.Where(r => !r.IsBaseline).Select(ToCore), settings.Defaults, results.Where(r => r.IsBaseline).Select(ToCore));

    public static LiverResult ToCore(LabResult r) =>
        new(Enum.Parse<LiverTest>(r.Test), r.Value, r.Unit, r.CollectedAt, r.UpperLimitOfNormal);

    /// <summary>Stages the liver alerts for <paramref name="patient"/> at <paramref name="now"/>.</summary>
    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved, Func<Task<List<RaisedAlert>>> Restage)> StageAlertsAsync(
        Patient patient, DateTimeOffset now, CancellationToken ct, bool resultsLoaded = false)
    {
        var results = await CurrentResultsAsync(patient.Id, ct, resultsLoaded);
        var raised = new List<Alert>(LiverAlerts.Raise(Evaluate(results)));
        var schedule = await ScheduleAlertsAsync(patient.Id, results, now, ct);
        var (added, resolved) = await AlertBook.ReconcileAsync(db, patient, EvaluationRules, raised, now, ct);
        var (addedSchedule, resolvedSchedule) = await AlertBook.ReconcileAsync(db, patient, ScheduleRules, schedule, now, ct);
        return ([.. added, .. addedSchedule], [.. resolved, .. resolvedSchedule],
            () => AlertBook.AddNewAsync(db, patient, [.. raised, .. schedule], now, ct));
    }

    /// <summary>The monitoring schedule's alerts (through the regimen seam); only the schedule rules.</summary>
    public async Task<IReadOnlyList<Alert>> ScheduleAlertsAsync(Guid patientId, IReadOnlyList<LabResult> results, DateTimeOffset now, CancellationToken ct)
    {
        var regimen = await regimens.ForPatientAsync(patientId, ct);
        var panels = results.GroupBy(r => r.CollectedAt).Select(g => (g.Key, g.Any(r => r.IsBaseline))).ToList();
        return LiverMonitoring.Evaluate(regimen.OnKratomRegimen ? regimen.StartedAt : null, panels, settings.PanelEveryWeeks, now, settings.FirstPanelWeeks);
    }

    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageScheduleAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var results = await CurrentResultsAsync(patient.Id, ct);
        return await AlertBook.ReconcileAsync(db, patient, ScheduleRules, await ScheduleAlertsAsync(patient.Id, results, now, ct), now, ct);
    }

    /// <summary>A regimen starting or stopping moves the monitoring schedule (baseline, next panel due).</summary>
    async Task<List<RaisedAlert>> IRegimenChangedHandler.RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        (await StageAlertsAsync(patient, now, ct)).Added;

    /// <summary>A panel falls due with time alone.</summary>
    Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ISafetyReview.ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        StageScheduleAsync(patient, now, ct);
}
