using Speciosa.Clinical.Safety;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Safety;

/// <summary>Pregnancy, breastfeeding and conception-planning alerts through the regimen seam (<see cref="IRegimenStatus"/>),
/// staged when the patient record is saved, when a regimen starts, changes or stops, and by the periodic sweep.</summary>
public sealed class PregnancyReview(SpeciosaDbContext db, IRegimenStatus regimens) : IPatientSavedHandler, IRegimenChangedHandler, ISafetyReview
{
    private static readonly string[] Rules = PregnancyAlertRules.All.Select(r => r.Id).ToArray();

    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> StageAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var regimen = await regimens.ForPatientAsync(patient.Id, ct);
        var raised = PregnancyRisk.Evaluate(patient.Pregnant, patient.Breastfeeding, patient.PlanningConception, regimen.OnKratomRegimen);
        return await AlertBook.ReconcileAsync(db, patient, Rules, raised, now, ct);
    }

    Task IPatientSavedHandler.PatientSavedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) => StageAsync(patient, now, ct);

    async Task<List<RaisedAlert>> IRegimenChangedHandler.RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        (await StageAsync(patient, now, ct)).Added;

    Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ISafetyReview.ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        StageAsync(patient, now, ct);
}
