using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>The banner's open alerts, counted by severity, most severe first, each in its colour and in words; linked to
/// the patient's alerts on the worklist. One grouped count.</summary>
public sealed class OpenAlertsBannerFact(SpeciosaDbContext db) : IPatientBannerFact
{
    public int Order => 30;

    public async Task<IReadOnlyList<BannerFact>> LoadAsync(PatientBannerContext context, CancellationToken ct)
    {
        var counts = await db.Alerts.AsNoTracking()
            .Where(a => a.PatientId == context.Patient.Id && a.Status == AlertStatus.Open)
            .GroupBy(a => a.SeverityRank)
            .Select(g => new { Rank = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var href = $"/alerts?patientId={context.Patient.Id}";
        if (counts.Count == 0)
        {
            return [BannerFact.Of("alerts", "Open alerts", "None", href: href)];
        }

        return
        [
            new BannerFact("alerts", "Open alerts", counts.OrderByDescending(c => c.Rank)
                .Select(c => new BannerPart($"{c.Count} {SeverityWord(c.Rank)}", Tone(c.Rank))).ToList(), href),
        ];
    }

    private static string SeverityWord(int rank) => Enum.IsDefined((AlertSeverity)rank) ? ((AlertSeverity)rank).ToString() : $"severity {rank}";

    private static BannerTone Tone(int rank) => (AlertSeverity)rank switch
    {
        AlertSeverity.Critical => BannerTone.Critical,
        AlertSeverity.High => BannerTone.High,
        AlertSeverity.Warning => BannerTone.Warning,
        _ => BannerTone.Plain,
    };
}
