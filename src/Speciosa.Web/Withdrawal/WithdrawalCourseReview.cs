using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>The withdrawal rules that change with time alone ("past expected duration", "after the peak"), for the
/// safety sweep.</summary>
public sealed class WithdrawalCourseReview(SpeciosaDbContext db) : ISafetyReview
{
    private static readonly string[] WithdrawalRules = WithdrawalAlertRules.All.Select(r => r.Id).ToArray();

    /// <summary>Per episode: the latest COWS, scored again by the core and judged at <paramref name="now"/>, so an episode
    /// that runs past its expected duration with moderate withdrawal on its last score alerts without a new assessment,
    /// and a newer lower score clears the alert.</summary>
    public async Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        var resolved = new List<RaisedAlert>();
        var episodes = await db.WithdrawalEpisodes.AsNoTracking().Where(e => e.PatientId == patient.Id).ToListAsync(ct);
        var cows = InstrumentCatalog.Default.Find(InstrumentCatalog.CowsId)!;
        foreach (var episode in episodes)
        {
            var latest = (await db.Assessments.AsNoTracking()
                    .Where(a => a.EpisodeId == episode.Id && a.InstrumentId == InstrumentCatalog.CowsId).ToListAsync(ct))
                .MaxBy(a => a.AssessedAt);
            if (latest is null)
            {
                continue;
            }

            var answers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(latest.AnswersJson)!
                .ToDictionary(x => int.Parse(x.Key, System.Globalization.CultureInfo.InvariantCulture), x => x.Value);
            var scored = InstrumentScorer.Score(cows, answers);
            if (!scored.IsScored)
            {
                continue;
            }

            var use = await db.OpioidUses.AsNoTracking().FirstAsync(u => u.Id == episode.OpioidUseId, ct);
            var key = $"episode/{episode.Id}";
            var raised = WithdrawalAlerts.Evaluate(key, scored.Score!, now, WithdrawalRecords.CourseOf(episode, use));
            var (a, r) = await AlertBook.ReconcileAsync(db, patient, WithdrawalRules, raised, now, ct, key + "/");
            added.AddRange(a);
            resolved.AddRange(r);
        }

        return (added, resolved);
    }
}
