using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Jurisdictions;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>An active patient a registry change affects, and how (<see cref="RegistryPatientEffect.How"/>).</summary>
public sealed record AffectedPatient(Patient Patient, RegistryPatientEffect Effect);

/// <summary>Who a registry change affects: every active patient of every clinic (the registry is shared) through the core's
/// <see cref="RegistryChangeEffects"/>. The edit page's preview, a pending proposal and <see cref="PatientLegalStatusAlerts"/>
/// (when the change is saved) all call this, so the preview is what the save does.</summary>
public sealed class RegistryChangeImpact(SpeciosaDbContext db)
{
    public async Task<IReadOnlyList<AffectedPatient>> AssessAsync(JurisdictionRegistryChange change, CancellationToken ct)
    {
        var patients = await db.Patients.AsNoTracking()
            .Where(p => p.Status == PatientVocabulary.Active)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .ToListAsync(ct);
        var byId = patients.ToDictionary(p => p.Id.ToString());
        var effects = RegistryChangeEffects.Assess(
            change.Before,
            change.After,
            patients.Select(p => new RegistryPatient(p.Id.ToString(), new PatientLocation(p.CountryCode, p.SubdivisionCode),
                new PatientCircumstances(p.DateOfBirth, p.Pregnant, p.Breastfeeding))).ToList(),
            change.Today,
            change.StaleAfterDays);
        return effects.Select(e => new AffectedPatient(byId[e.PatientId], e)).ToList();
    }
}
