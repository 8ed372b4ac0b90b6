using Speciosa.Web.Alerts;
using Speciosa.Web.Liver;
using Speciosa.Web.Medicines;
using Speciosa.Web.Patients;
using Speciosa.Web.Safety;

namespace Speciosa.Web.Regimens;

/// <summary>A regimen starting, changing or stopping changes what the safety rules say: pregnancy and
/// breastfeeding alerts, the liver monitoring schedule (baseline, overdue panel) and the interaction screen of
/// the patient's medicines against kratom. Staged after the regimen is saved, in the same transaction.</summary>
public sealed class RegimenSafetyReview(PregnancyReview pregnancy, LiverReview liver, MedicineScreeningService medicines)
{
    public async Task<List<RaisedAlert>> StageAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var (pregnancyAdded, _) = await pregnancy.StageAsync(patient, now, ct);
        var (liverAdded, _, _) = await liver.StageAlertsAsync(patient, now, ct);
        var (_, _, medicineAdded, _) = await medicines.StageAsync(patient, now, ct);
        return [.. pregnancyAdded, .. liverAdded, .. medicineAdded];
    }
}
