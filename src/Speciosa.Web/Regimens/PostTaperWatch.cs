using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Regimens;

/// <summary>A regimen's monitoring window after its taper reached zero, as pages and the API show it.</summary>
public sealed record PostTaperView(Guid RegimenId, PostTaperWindow Window, int? SowsEmergenceFrom);

/// <summary>Issue 13 part 4 (clinical audit section 3 item 4): the monitoring window after a kratom taper reaches zero
/// (core <see cref="PostTaperMonitoring"/>). Reconciles <c>dosing.post-taper-check-due</c> and <c>dosing.post-taper-withdrawal</c>
/// in the periodic sweep and whenever a COWS or SOWS is recorded (Withdrawal's <see cref="IAssessmentRecordedHandler"/>, staged
/// in the recorder's context so the alert commits with the assessment). It never changes a regimen or a dose.</summary>
public sealed class PostTaperWatch(SpeciosaDbContext db, ClinicCalendar calendar, IOptions<DosingOptions> options)
    : ISafetyReview, IAssessmentRecordedHandler
{
    private static readonly string[] RuleIds = PostTaperMonitoring.Rules.Select(r => r.Id).ToArray();

    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct) =>
        await ReconcileAsync(patient, now, null, ct);

    public async Task<List<RaisedAlert>> AssessmentRecordedAsync(Patient patient, RecordedAssessment assessment, DateTimeOffset now, CancellationToken ct)
    {
        var reading = ReadingOf(assessment.InstrumentId, assessment.AssessedAt, assessment.Total, assessment.PatientReported);
        return reading is null ? [] : (await ReconcileAsync(patient, now, reading, ct)).Added;
    }

    /// <summary>Every regimen of the patient whose taper has reached zero by <paramref name="now"/>, newest zero day first.</summary>
    public async Task<IReadOnlyList<PostTaperView>> WindowsAsync(Patient patient, DateTimeOffset now, CancellationToken ct, ScoreReading? extra = null)
    {
        // Each regimen with its current version in one query; doses and scores are read only when a taper has reached zero
        // (issue 17: most patients have none, and the overview and every sweep ask).
        var versions = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patient.Id)
            .Join(db.RegimenVersions.AsNoTracking(), r => new { RegimenId = r.Id, Version = r.CurrentVersion }, v => new { v.RegimenId, v.Version },
                (r, v) => v)
            .ToListAsync(ct);
        var views = new List<PostTaperView>();
        if (versions.Count == 0)
        {
            return views;
        }

        var zone = (await calendar.ZoneAsync(patient.ClinicId, ct)).Zone;
        var today = ClinicDay.Of(now, zone);
        var tapers = versions.Select(v => (v.RegimenId, RegimenJson.OrderOf(v).Taper))
            .Where(t => PostTaperMonitoring.ZeroDay(t.Taper) is { } zero && zero <= today).ToList();
        if (tapers.Count == 0)
        {
            return views;
        }

        var lastDose = await db.Doses.AsNoTracking().Where(d => d.PatientId == patient.Id && d.GivenAt <= now)
            .OrderByDescending(d => d.GivenAt).Select(d => (DateTimeOffset?)d.GivenAt).FirstOrDefaultAsync(ct);
        var readings = await ReadingsAsync(patient.Id, ct);
        if (extra is not null)
        {
            readings.Add(extra);
        }

        foreach (var (regimenId, taper) in tapers)
        {
            if (PostTaperMonitoring.Window(taper, lastDose, readings, now, zone) is { } window)
            {
                views.Add(new PostTaperView(regimenId, window, SowsFrom));
            }
        }

        return views.OrderByDescending(v => v.Window.ZeroDay).ToList();
    }

    private int? SowsFrom => options.Value.PostTaperSowsFrom is > 0 ? options.Value.PostTaperSowsFrom : null;

    private async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReconcileAsync(
        Patient patient, DateTimeOffset now, ScoreReading? extra, CancellationToken ct)
    {
        var raised = new List<Alert>();
        foreach (var view in await WindowsAsync(patient, now, ct, extra))
        {
            raised.AddRange(PostTaperMonitoring.Evaluate(view.Window, view.RegimenId.ToString(), now, view.SowsEmergenceFrom)
                .Select(a => a with { ConditionKey = $"patient/{patient.Id}/{a.ConditionKey}" }));
        }

        return await AlertBook.ReconcileAsync(db, patient, RuleIds, raised, now, ct, $"patient/{patient.Id}/dosing:post-taper-");
    }

    private async Task<List<ScoreReading>> ReadingsAsync(Guid patientId, CancellationToken ct) =>
        (await db.Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId && (a.InstrumentId == "cows" || a.InstrumentId == "sows-handelsman"))
            .Select(a => new { a.InstrumentId, a.AssessedAt, a.Total, a.PatientReported })
            .ToListAsync(ct))
        .Select(a => ReadingOf(a.InstrumentId, a.AssessedAt, a.Total, a.PatientReported)!)
        .ToList();

    private static ScoreReading? ReadingOf(string instrumentId, DateTimeOffset at, int total, bool patientReported) => instrumentId switch
    {
        "cows" => new ScoreReading(WithdrawalScale.Cows, at, total, patientReported ? ScoreRater.Patient : ScoreRater.Staff),
        "sows-handelsman" => new ScoreReading(WithdrawalScale.Sows, at, total, patientReported ? ScoreRater.Patient : ScoreRater.Staff),
        _ => null,
    };
}
