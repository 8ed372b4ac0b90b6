using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Data;

namespace Speciosa.Web.Withdrawal;

/// <summary>A COWS resting pulse (item 1) as other features see it.</summary>
public sealed record PulseReading(Guid AssessmentId, DateTimeOffset AssessedAt, int PulseBpm);

/// <summary>SEAM: the COWS resting pulses of a patient, for the vital signs (one heart-rate reading when COWS and vitals
/// are taken together). Read-only; callers check access themselves.</summary>
public sealed class PulseReadings(SpeciosaDbContext db)
{
    /// <summary>The resting pulse of one COWS assessment of this patient, or null (not this patient's, not COWS, no pulse).</summary>
    public async Task<PulseReading?> CowsPulseAsync(Guid patientId, Guid assessmentId, CancellationToken ct) =>
        await db.Assessments.AsNoTracking()
            .Where(a => a.Id == assessmentId && a.PatientId == patientId && a.InstrumentId == InstrumentCatalog.CowsId && a.PulseBpm != null)
            .Select(a => new PulseReading(a.Id, a.AssessedAt, a.PulseBpm!.Value)).FirstOrDefaultAsync(ct);

    /// <summary>Every COWS resting pulse of the patient, oldest first.</summary>
    public async Task<List<PulseReading>> CowsPulsesAsync(Guid patientId, CancellationToken ct) =>
        (await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.InstrumentId == InstrumentCatalog.CowsId && a.PulseBpm != null)
            .Select(a => new PulseReading(a.Id, a.AssessedAt, a.PulseBpm!.Value)).ToListAsync(ct))
        .OrderBy(p => p.AssessedAt).ToList();
}
