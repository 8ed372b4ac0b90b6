using Speciosa.Clinical.Portal;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Clinics;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Portal;

/// <summary>One line of the patient's "Today": what it is, where one tap takes them, and whether it is done.</summary>
public sealed record TodayLine(TodayKind Kind, string Title, string Href, bool Done, string Status, string? Key = null);

/// <summary>The patient's "Today" (issue 14 item 2), from what they reported on this clinic day: the daily check-in (SOWS),
/// craving, and the doses they took while a regimen is active (Withdrawal's history and Regimens' <see cref="RegimenQueries"/>).
/// The check-in and craving are the patient's own pages (<c>/my/…</c>); the dose link carries their own record id, so the
/// patient never types one.</summary>
public sealed class PortalToday(WithdrawalRecords withdrawal, RegimenQueries regimens, ClinicCalendar calendar, TimeProvider clock, IEnumerable<ITodayItems> contributed)
{
    public const string CheckInInstrument = InstrumentCatalog.SowsHandelsmanId;
    public const string CheckInPath = "/my/check-in";
    public const string CravingPath = "/my/craving";
    public const string DosesPath = "/my/doses";

    public async Task<(DateOnly Day, IReadOnlyList<TodayLine> Lines)> ForAsync(Patient patient, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var day = zone.Today(now);
        var checkIns = await CountTodayAsync(patient.Id, CheckInInstrument, zone, day, ct);
        var cravings = await CountTodayAsync(patient.Id, InstrumentCatalog.CravingVasId, zone, day, ct);
        var regimenActive = await regimens.HasActiveRegimenAsync(patient.Id, day, ct);
        var doses = regimenActive ? await regimens.PatientReportedDosesAsync(patient.Id, day, ct) : 0;
        var lines = TodayPlan.Build(checkIns, cravings, doses, regimenActive).Select(i => i.Kind switch
        {
            TodayKind.CheckIn => new TodayLine(i.Kind, "Daily check-in: how you feel", CheckInPath, i.Done,
                i.Done ? "Done today" : "Due today"),
            TodayKind.Craving => new TodayLine(i.Kind, "Craving: how strong is it now", CravingPath, i.Done,
                i.Done ? "Done today" : "Due today"),
            _ => new TodayLine(i.Kind, "Doses you took", DosesPath, i.Done,
                i.Count switch { 0 => "None reported yet today", 1 => "1 reported today", var n => $"{n} reported today" }),
        }).ToList();
        foreach (var items in contributed.OrderBy(c => c.Order))
        {
            lines.AddRange(await items.ForAsync(patient, zone, day, ct));
        }

        return (day, lines);
    }

    private async Task<int> CountTodayAsync(Guid patientId, string instrument, ClinicZone zone, DateOnly day, CancellationToken ct)
    {
        var page = await withdrawal.AssessmentHistoryAsync(patientId, instrument, new PageRequest(1, 20), ct);
        return page.Items.Count(a => a.PatientReported && ClinicDay.Of(a.AssessedAt, zone.Zone) == day);
    }
}
