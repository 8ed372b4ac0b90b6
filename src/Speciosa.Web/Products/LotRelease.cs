using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Products;
using Speciosa.Web.Data;
using Speciosa.Web.Http;

namespace Speciosa.Web.Products;

/// <summary>What happened when a lot was recalled; the regimen feature (dose log, patient alerts)
/// subscribes by registering an <see cref="ILotRecallListener"/>.</summary>
public sealed record LotRecalled(Guid ClinicId, Guid LotId, Guid ProductId, string LotCode, string Reason, Guid RecalledBy, DateTimeOffset RecalledAt)
{
    /// <summary>How many days before the recall a dose from the lot counts as exposure; null: the listener's default.</summary>
    public int? ExposureWindowDays { get; init; }
}

/// <summary>The seam for later features: called inside the recall's transaction, before it commits,
/// so a listener that fails rolls the recall back. None is registered yet.</summary>
public interface ILotRecallListener
{
    Task LotRecalledAsync(LotRecalled recall, CancellationToken ct);
}

/// <summary>A release or recall: its <see cref="Outcome"/> (a 409 names the lot's state, the verdict and every finding
/// that stands in the way), the verdict at that moment and the lot.</summary>
public sealed record LotActionResult(Outcome Outcome, LotVerdict? Verdict = null, Lot? Lot = null)
{
    public static LotActionResult Conflict(string detail, LotVerdict verdict, Lot lot) =>
        new(Outcome.Conflict(detail, Findings(verdict, lot)), verdict, lot);

    public static LotActionResult NotReleasable(string detail, LotVerdict verdict, Lot lot) =>
        new(Outcome.Refused(StatusCodes.Status409Conflict, ProblemResponses.TitleFor(409), detail, ProblemTypes.LotNotReleasable,
            Findings(verdict, lot)), verdict, lot);

    private static Dictionary<string, object?> Findings(LotVerdict verdict, Lot lot) => new()
    {
        ["state"] = lot.State.ToString(),
        ["outcome"] = verdict.Outcome.ToString(),
        ["reasons"] = verdict.Findings.Where(f => f.Outcome is not QualityOutcome.Pass)
            .Select(f => new { f.StandardId, f.StandardVersion, f.Analyte, outcome = f.Outcome.ToString(), f.Limit, f.Reason }).ToList(),
    };
}

/// <summary>Quality release and recall of lots. Quarantined → Released only when the verdict is Pass;
/// Quarantined or Released → Recalled with a reason; Recalled is final. Every change is kept in
/// LotStateChanges with who, when, why and the verdict at that moment.</summary>
public sealed class LotRelease(SpeciosaDbContext db, LotQuality quality, TimeProvider clock, IEnumerable<ILotRecallListener> recallListeners)
{
    public async Task<LotActionResult> ReleaseAsync(Guid clinicId, Guid lotId, Guid userId, string? reason, string? expectedStamp, CancellationToken ct = default)
    {
        var assessment = await quality.AssessAsync(clinicId, lotId, ct);
        if (assessment is null)
        {
            return new(Outcome.NotFound);
        }

        var lot = assessment.Lot;
        if (expectedStamp != lot.ConcurrencyStamp)
        {
            // Every release and recall names the version it was decided on: a missing stamp is as stale as a wrong one.
            return new(Outcome.Stale(expectedStamp is null
                ? "Send the concurrencyStamp of the lot as you read it."
                : "The lot changed since you loaded it; reload and decide again."), assessment.Verdict, lot);
        }

        if (lot.State is not LotState.Quarantined)
        {
            return LotActionResult.Conflict($"Only a quarantined lot can be released; this lot is {lot.State}.", assessment.Verdict, lot);
        }

        if (assessment.Verdict.Outcome is not QualityOutcome.Pass)
        {
            return LotActionResult.NotReleasable($"The lot cannot be released: {assessment.Verdict.Summary}.", assessment.Verdict, lot);
        }

        return await ChangeAsync(lot, LotState.Released, userId, string.IsNullOrWhiteSpace(reason) ? "Released: certificate passes the clinic's standards" : reason.Trim(), assessment.Verdict, null, ct);
    }

    public async Task<LotActionResult> RecallAsync(Guid clinicId, Guid lotId, Guid userId, string reason, string? expectedStamp, CancellationToken ct = default, int? exposureWindowDays = null)
    {
        var assessment = await quality.AssessAsync(clinicId, lotId, ct);
        if (assessment is null)
        {
            return new(Outcome.NotFound);
        }

        var lot = assessment.Lot;
        if (expectedStamp != lot.ConcurrencyStamp)
        {
            // Every release and recall names the version it was decided on: a missing stamp is as stale as a wrong one.
            return new(Outcome.Stale(expectedStamp is null
                ? "Send the concurrencyStamp of the lot as you read it."
                : "The lot changed since you loaded it; reload and decide again."), assessment.Verdict, lot);
        }

        if (lot.State is LotState.Recalled)
        {
            return LotActionResult.Conflict("The lot is already recalled.", assessment.Verdict, lot);
        }

        var recall = new LotRecalled(clinicId, lot.Id, lot.ProductId, lot.LotCode, reason.Trim(), userId, clock.GetUtcNow())
        {
            ExposureWindowDays = exposureWindowDays,
        };
        return await ChangeAsync(lot, LotState.Recalled, userId, reason.Trim(), assessment.Verdict, recall, ct);
    }

    /// <summary>Whether a lot may be used for new doses: released and not recalled. The dose log's check.</summary>
    public async Task<bool> IsUsableAsync(Guid clinicId, Guid lotId, CancellationToken ct = default) =>
        await db.Lots.AnyAsync(l => l.Id == lotId && l.ClinicId == clinicId && l.State == LotState.Released, ct);

    private async Task<LotActionResult> ChangeAsync(Lot lot, LotState to, Guid userId, string reason, LotVerdict verdict, LotRecalled? recall, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = lot.State;
        lot.State = to;
        lot.StateChangedAt = now;
        lot.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (to is LotState.Recalled)
        {
            lot.RecallReason = reason;
        }

        db.LotStateChanges.Add(new LotStateChange
        {
            LotId = lot.Id, FromState = from, ToState = to, Reason = reason, VerdictSummary = Truncate(verdict.Summary, 1000),
            ChangedBy = userId, ChangedAt = now,
        });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            if (recall is not null)
            {
                foreach (var listener in recallListeners)
                {
                    await listener.LotRecalledAsync(recall with { RecalledAt = now }, ct);
                }
            }

            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Stale("Someone else changed the lot at the same time; reload and decide again."), verdict, lot);
        }

        return new(Outcome.Done, verdict, lot);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
