using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Regimens;

/// <summary>The "step due" prompt in the periodic sweep (<see cref="ISafetyReview"/>): for each of the patient's regimens,
/// raises <c>dosing.titration-step-due</c> while a titration step awaits a clinician's decision (its interval passed and
/// its hold met by a staff-rated reading) and resolves it once decided or no longer due. It never starts a step.</summary>
public sealed class TitrationWatch(SpeciosaDbContext db, RegimenService regimens) : ISafetyReview
{
    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        var resolved = new List<RaisedAlert>();
        foreach (var regimen in await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id).ToListAsync(ct))
        {
            var (a, r) = await regimens.StageTitrationPromptAsync(patient, regimen, now, ct);
            added.AddRange(a);
            resolved.AddRange(r);
        }

        return (added, resolved);
    }
}
