using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;

namespace Speciosa.Web.Jurisdictions;

/// <summary>When a registry edit or import changes the status that applies where an active patient lives, that patient
/// gets an alert naming the old and new status and the source; when it changes whether supply (without a lot) is refused
/// for them, the supply-not-allowed alert is raised or resolved — in the edit's transaction. The patients are those
/// <see cref="RegistryChangeImpact"/> lists, the same the edit page previewed. Patients of every clinic are affected: the
/// registry is shared.</summary>
public sealed class PatientLegalStatusAlerts(SpeciosaDbContext db, TimeProvider clock, RegistryChangeImpact impact) : IJurisdictionRegistryChangeHandler
{
    private static readonly string[] SupplyRules = [JurisdictionAlertRules.SupplyNotAllowed.Id];

    public async Task HandleAsync(JurisdictionRegistryChange change, CancellationToken ct)
    {
        var affected = await impact.AssessAsync(change, ct);
        var now = clock.GetUtcNow();

        async Task<List<RaisedAlert>> StageAsync()
        {
            var added = new List<RaisedAlert>();
            foreach (var (patient, effect) in affected)
            {
                if (effect.StatusChange is { } status)
                {
                    // One open alert per patient and resulting status and entry: a second change to the same adds nothing,
                    // a change to yet another status or entry is a new alert.
                    var alert = status.Alert with
                    {
                        ConditionKey = $"patient/{patient.Id}/{status.Alert.ConditionKey}/{status.After.Status}" + (status.After.Entry is { } e ? "/" + e.Id : ""),
                    };
                    added.AddRange(await AlertBook.AddNewAsync(db, patient, [alert], now, ct));
                }

                if (effect.SupplyChanges)
                {
                    var circumstances = new PatientCircumstances(patient.DateOfBirth, patient.Pregnant, patient.Breastfeeding);
                    var (raised, _) = await AlertBook.ReconcileAsync(
                        db, patient, SupplyRules, PatientLegalReview.SupplyAlerts(effect.After, effect.Location, circumstances, change.Today), now, ct);
                    added.AddRange(raised);
                }
            }

            return added;
        }

        await AlertBook.SaveAsync(db, await StageAsync(), StageAsync, ct);
    }
}
