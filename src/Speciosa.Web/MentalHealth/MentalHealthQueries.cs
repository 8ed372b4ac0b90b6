using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.MentalHealth;
using Speciosa.Web.Data;

namespace Speciosa.Web.MentalHealth;

/// <summary>The newest AUDIT-C of a patient with the drinks-a-day range its items 1 and 2 imply (an estimate).</summary>
public sealed record LatestAuditC(Guid ScreeningId, DateTimeOffset AssessedAt, int Total, bool PatientReported, AuditCDrinksPerDay? DrinksPerDay);

/// <summary>The seam other features read mental-health data through (the Liver feature's RUCAM worksheet may prefill its
/// alcohol risk factor from <see cref="LatestAuditCAsync"/>). Callers check access themselves.</summary>
public sealed class MentalHealthQueries(SpeciosaDbContext db)
{
    public async Task<LatestAuditC?> LatestAuditCAsync(Guid patientId, CancellationToken ct = default)
    {
        var s = await db.Screenings.AsNoTracking()
            .Where(x => x.PatientId == patientId && x.InstrumentId == MentalHealthInstruments.AuditCId)
            .OrderByDescending(x => x.AssessedAt).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(s.AnswersJson)!
            .ToDictionary(x => int.Parse(x.Key, CultureInfo.InvariantCulture), x => x.Value);
        return new LatestAuditC(s.Id, s.AssessedAt, s.Total, s.PatientReported, AuditCIntake.DrinksPerDay(answers));
    }
}
