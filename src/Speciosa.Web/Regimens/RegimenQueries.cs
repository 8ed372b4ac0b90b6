using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Data;
using Speciosa.Web.Clinics;

namespace Speciosa.Web.Regimens;

/// <summary>A regimen in effect on a day, with the core's order for its current version.</summary>
public sealed record ActiveRegimen(Guid RegimenId, Guid PatientId, int Version, Guid ProductId, Guid? LotId, DateOnly StartDate,
    DateOnly? EndDate, RegimenOrder Order);

/// <summary>The public seam other features use (the safety feature: pregnancy alerts, liver monitoring).
/// Callers must already have checked the caller may see the patient. "Active on a day" means the current version's
/// start is on or before that clinic day and its end (if any) is on or after it.</summary>
public sealed class RegimenQueries(SpeciosaDbContext db, ClinicCalendar calendar)
{
    public async Task<ActiveRegimen?> ActiveRegimenAsync(Guid patientId, DateOnly asOf, CancellationToken ct = default)
    {
        var candidates = await db.Regimens.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.StartDate <= asOf && (r.EndDate == null || r.EndDate >= asOf))
            .ToListAsync(ct);
        var regimen = candidates.OrderByDescending(r => r.StartDate).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        if (regimen is null)
        {
            return null;
        }

        var version = await db.RegimenVersions.AsNoTracking()
            .FirstAsync(v => v.RegimenId == regimen.Id && v.Version == regimen.CurrentVersion, ct);
        return new ActiveRegimen(regimen.Id, regimen.PatientId, version.Version, version.ProductId, version.LotId, version.StartDate,
            version.EndDate, RegimenJson.OrderOf(version));
    }

    /// <summary>The regimen in effect at an instant, on the clinic day of that instant in the clinic's time zone.</summary>
    public async Task<ActiveRegimen?> ActiveRegimenAsync(Guid patientId, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        return await ActiveRegimenAsync(patientId, ClinicDay.Of(asOf, zone), ct);
    }

    public async Task<bool> HasActiveRegimenAsync(Guid patientId, DateOnly asOf, CancellationToken ct = default) =>
        await db.Regimens.AnyAsync(r => r.PatientId == patientId && r.StartDate <= asOf && (r.EndDate == null || r.EndDate >= asOf), ct);

    public async Task<bool> HasActiveRegimenAsync(Guid patientId, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        return await HasActiveRegimenAsync(patientId, ClinicDay.Of(asOf, zone), ct);
    }
}
