using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>The banner's last COWS: its total and band as scored, and when, in clinic time labelled with the zone; linked
/// to the assessment history. One query (the newest COWS row, three columns).</summary>
public sealed class LastCowsBannerFact(SpeciosaDbContext db) : IPatientBannerFact
{
    public int Order => 50;

    public async Task<IReadOnlyList<BannerFact>> LoadAsync(PatientBannerContext context, CancellationToken ct)
    {
        var patientId = context.Patient.Id;
        var last = await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.InstrumentId == InstrumentCatalog.CowsId)
            .OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.RecordedAt)
            .Select(a => new { a.Total, a.Band, a.AssessedAt })
            .FirstOrDefaultAsync(ct);
        var href = $"/patients/{patientId}/assessments";
        return last is null
            ? [BannerFact.Of("cows", "Last COWS", "None recorded", href: href)]
            : [new BannerFact("cows", "Last COWS", [new($"{last.Total}{(last.Band is null ? "" : $" ({last.Band})")}"), new(context.Zone.Labelled(last.AssessedAt))], href)];
    }
}
