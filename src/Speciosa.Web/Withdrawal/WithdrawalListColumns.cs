using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>The patient list's "Episode day" (issue 15 item 4): the day of the patient's newest withdrawal episode, counted on the
/// clinic's calendar from the episode's start (the last opioid use) as day 1 — what a clinician means by "day 3 of withdrawal",
/// the clock the expected course (onset, peak, acute end) runs on. A kratom regimen's own day is not it: a regimen may start days
/// into withdrawal or long after. Ascending is the lowest day first (the newest start); patients with no episode last.</summary>
public sealed class EpisodeDayColumn(SpeciosaDbContext db) : IPatientListColumn
{
    public int Order => 10;

    public string Key => "episodeDay";

    public string Header => "Episode day";

    public string AscendingWords => ", earliest episode day first";

    public string DescendingWords => ", latest episode day first";

    public Task<PatientListOrder> OrderAsync(PatientListContext context, CancellationToken ct)
    {
        var episodes = db.WithdrawalEpisodes;
        var now = context.Now;
        return Task.FromResult(PatientListOrder.NullsLast(p => episodes.Where(e => e.PatientId == p.Id && e.StartedAt <= now)
            .OrderByDescending(e => e.StartedAt).Select(e => (DateTimeOffset?)e.StartedAt).FirstOrDefault(), inverted: true));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ValuesAsync(IReadOnlyList<Guid> patientIds, PatientListContext context, CancellationToken ct)
    {
        var now = context.Now;
        var starts = await db.WithdrawalEpisodes.AsNoTracking().Where(e => patientIds.Contains(e.PatientId) && e.StartedAt <= now)
            .Select(e => new { e.PatientId, e.StartedAt }).ToListAsync(ct);
        return starts.GroupBy(e => e.PatientId).ToDictionary(g => g.Key,
            g => $"Day {DayOf(g.Max(e => e.StartedAt), context)}");
    }

    /// <summary>Day 1 is the clinic day of the episode's start.</summary>
    public static int DayOf(DateTimeOffset startedAt, PatientListContext context) =>
        context.Today.DayNumber - context.Zone.Today(startedAt).DayNumber + 1;
}

/// <summary>The patient list's "Last score": the newest COWS or SOWS (staff-rated or the patient's own, said so), its total and band
/// and when, in clinic time. Sorted by the total as recorded (the instrument is in every cell: a COWS and a SOWS total are different
/// scales); patients with none last.</summary>
public sealed class LastScoreColumn(SpeciosaDbContext db) : IPatientListColumn
{
    private static readonly string[] Instruments = [InstrumentCatalog.CowsId, InstrumentCatalog.SowsHandelsmanId, InstrumentCatalog.SowsGossopId];

    public int Order => 20;

    public string Key => "lastScore";

    public string Header => "Last score";

    public string AscendingWords => ", lowest last score first";

    public string DescendingWords => ", highest last score first";

    public Task<PatientListOrder> OrderAsync(PatientListContext context, CancellationToken ct)
    {
        var assessments = db.Assessments;
        var instruments = Instruments;
        return Task.FromResult(PatientListOrder.NullsLast(p => assessments.Where(a => a.PatientId == p.Id && instruments.Contains(a.InstrumentId))
            .OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.RecordedAt).Select(a => (int?)a.Total).FirstOrDefault()));
    }

    public async Task<IReadOnlyDictionary<Guid, string>> ValuesAsync(IReadOnlyList<Guid> patientIds, PatientListContext context, CancellationToken ct)
    {
        var assessments = db.Assessments;
        var instruments = Instruments;
        var newest = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .Select(p => assessments.Where(a => a.PatientId == p.Id && instruments.Contains(a.InstrumentId))
                .OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.RecordedAt).Select(a => (Guid?)a.Id).FirstOrDefault())
            .Where(id => id != null).ToListAsync(ct);
        var rows = await db.Assessments.AsNoTracking().Where(a => newest.Contains(a.Id))
            .Select(a => new { a.PatientId, a.InstrumentId, a.Total, a.Band, a.AssessedAt, a.PatientReported }).ToListAsync(ct);
        return rows.ToDictionary(a => a.PatientId, a =>
            $"{WithdrawalChart.ShortName(a.InstrumentId)} {a.Total}{(a.Band is null ? "" : $" ({a.Band})")}{(a.PatientReported ? ", the patient's own" : "")}, " +
            context.Zone.Labelled(a.AssessedAt));
    }
}
