using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.MentalHealth;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.MentalHealth;

/// <summary>PHQ-9, GAD-7 and AUDIT-C screenings, safety assessments and DSM-5 use-disorder checklists of one patient.
/// Scoring, the item-9 rule, the AUDIT-C reading and the DSM-5 severity are the clinical core's; this class validates,
/// stores, and saves the alerts with the record that raised them (on save, not in the sweep).</summary>
public sealed class MentalHealthRecords(SpeciosaDbContext db, TimeProvider clock, MentalHealthOptions options)
{
    public static readonly IReadOnlyList<string> Occasions = ["entry", "review"];

    private static InstrumentCatalog Catalog => MentalHealthInstruments.Catalog;

    // ---- screenings ----

    /// <summary>Validates, scores with the one InstrumentScorer, stores the screening with its item answers and instrument
    /// version, and raises PHQ-9 item 9 in the same SaveChanges. A Patient-role caller records a patient-reported
    /// screening awaiting staff review, and is answered in plain words without alerts.</summary>
    public async Task<(ScreeningRecorded? Recorded, Dictionary<string, string[]> Errors)> RecordScreeningAsync(
        Patient patient, ScreeningRequest r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var now = clock.GetUtcNow();
        var staff = user.IsCareStaff();
        var definition = r.InstrumentId is null ? null : Catalog.Find(r.InstrumentId);
        if (definition is null)
        {
            errors["instrumentId"] = [$"Unknown instrument; allowed: {string.Join(", ", Catalog.All.Select(d => d.Id))}."];
        }
        else if (!staff && definition.Respondent != "patient")
        {
            errors["instrumentId"] = [$"{definition.Name} is not validated for self-report."];
        }

        if (r.AssessedAt is not { } assessedAt)
        {
            errors["assessedAt"] = ["The time of the screening is required (ISO 8601 with offset)."];
        }
        else if (RecordedTime.ProblemIfInFuture("assessedAt", assessedAt, now) is { } future)
        {
            errors["assessedAt"] = [future];
        }

        InstrumentScore? score = null;
        if (definition is not null && !errors.ContainsKey("instrumentId"))
        {
            var outcome = InstrumentScorer.Score(definition, r.Answers ?? []);
            if (outcome.IsScored)
            {
                score = outcome.Score;
            }
            else
            {
                foreach (var p in outcome.Problems)
                {
                    errors.TryAdd($"answers.{p.ItemNumber}", [p.Message]);
                }
            }
        }

        if (errors.Count > 0 || score is null)
        {
            return (null, errors);
        }

        var screening = new Screening
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, InstrumentId = score.InstrumentId, InstrumentVersion = score.InstrumentVersion,
            AnswersJson = JsonSerializer.Serialize(score.Answers.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value)),
            Total = score.Total, Band = score.BandLabel, AssessedAt = r.AssessedAt!.Value.ToUniversalTime(), RecordedAt = now,
            RatedByUserId = user.UserId()!.Value, PatientReported = !staff,
        };
        var raised = MentalHealthAlerts.Evaluate($"screening/{screening.Id}", score);

        db.Screenings.Add(screening);
        var added = await AlertBook.AddNewAsync(db, patient, raised, now, ct);
        added = await AlertBook.SaveAsync(db, added, () => AlertBook.AddNewAsync(db, patient, raised, now, ct), ct);

        var names = await NamesAsync([screening.RatedByUserId], ct);
        var view = ViewOf(screening, patient.Sex, staff, names, new HashSet<Guid>());
        return (new ScreeningRecorded(view, staff ? added.Select(AlertBook.ViewOf).ToList() : [],
            view.SelfHarmAnswer ? options.PatientSafetyMessage : null), errors);
    }

    /// <summary>One page of screenings, newest first, optionally of one instrument. Check with <see cref="CheckScreeningQuery"/>.</summary>
    public async Task<ListPage<ScreeningView>> ScreeningsAsync(Patient patient, bool staff, string? instrumentId, PageRequest paging,
        CancellationToken ct = default)
    {
        var query = db.Screenings.AsNoTracking().Where(s => s.PatientId == patient.Id);
        if (!string.IsNullOrEmpty(instrumentId))
        {
            query = query.Where(s => s.InstrumentId == instrumentId);
        }

        var total = await query.CountAsync(ct);
        var list = await query.OrderByDescending(s => s.AssessedAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var ids = list.Select(s => (Guid?)s.Id).ToList();
        var assessed = await db.SafetyAssessments.AsNoTracking().Where(a => ids.Contains(a.ScreeningId)).Select(a => a.ScreeningId!.Value)
            .ToListAsync(ct);
        var names = await NamesAsync(list.Select(s => s.RatedByUserId).Concat(list.Where(s => s.ReviewedByUserId is not null)
            .Select(s => s.ReviewedByUserId!.Value)), ct);
        return paging.Of(list.Select(s => ViewOf(s, patient.Sex, staff, names, assessed.ToHashSet())).ToList(), total);
    }

    public static Dictionary<string, string[]> CheckScreeningQuery(string? instrumentId, PageRequest paging)
    {
        var errors = paging.Check();
        if (!string.IsNullOrEmpty(instrumentId) && Catalog.Find(instrumentId) is null)
        {
            errors["instrument"] = [$"Allowed: {string.Join(", ", Catalog.All.Select(d => d.Id))}."];
        }

        return errors;
    }

    /// <summary>Marks a patient-reported screening reviewed by staff; null when there is no such screening.</summary>
    public async Task<ScreeningView?> ReviewAsync(Patient patient, Guid screeningId, Guid reviewerId, CancellationToken ct = default)
    {
        var s = await db.Screenings.FirstOrDefaultAsync(x => x.Id == screeningId && x.PatientId == patient.Id, ct);
        if (s is null)
        {
            return null;
        }

        if (s.PatientReported && s.ReviewedAt is null)
        {
            s.ReviewedAt = clock.GetUtcNow();
            s.ReviewedByUserId = reviewerId;
            await db.SaveChangesAsync(ct);
        }

        var assessed = await db.SafetyAssessments.AnyAsync(a => a.ScreeningId == s.Id, ct);
        return ViewOf(s, patient.Sex, true, await NamesAsync([s.RatedByUserId, reviewerId], ct), assessed ? new HashSet<Guid> { s.Id } : new HashSet<Guid>());
    }

    public static ScreeningView ViewOf(Screening s, string? sex, bool staff, IReadOnlyDictionary<Guid, string> names, IReadOnlySet<Guid> assessed)
    {
        var answers = JsonSerializer.Deserialize<Dictionary<string, int>>(s.AnswersJson)!
            .ToDictionary(x => int.Parse(x.Key, CultureInfo.InvariantCulture), x => x.Value);
        var definition = Catalog.Find(s.InstrumentId);
        var selfHarm = s.InstrumentId == MentalHealthInstruments.Phq9Id
            && answers.GetValueOrDefault(MentalHealthInstruments.Phq9SelfHarmItem) > 0;
        var reading = staff && s.InstrumentId == MentalHealthInstruments.AuditCId ? AuditCScreen.Read(s.Total, sex).Wording : null;
        return new ScreeningView(s.Id, s.InstrumentId, s.InstrumentVersion, definition?.Name ?? s.InstrumentId, new SortedDictionary<int, int>(answers),
            s.Total, definition?.TotalRange.Max ?? s.Total, s.Band, reading, selfHarm, assessed.Contains(s.Id), s.AssessedAt, s.RatedByUserId,
            names.GetValueOrDefault(s.RatedByUserId, ""), s.PatientReported, s.PatientReported && s.ReviewedAt is null, s.ReviewedByUserId, s.ReviewedAt);
    }

    // ---- safety assessments ----

    /// <summary>Records a clinician's safety assessment (who = the caller, when, outcome, plan). When it answers a PHQ-9
    /// with item 9 above 0, the open item-9 alert of that screening is resolved by the caller, naming the outcome, in the
    /// same save.</summary>
    public async Task<(SafetyAssessmentView? Recorded, Dictionary<string, string[]> Errors)> RecordSafetyAssessmentAsync(
        Patient patient, SafetyAssessmentRequest r, Guid userId, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var now = clock.GetUtcNow();
        var pathway = Phq9SafetyPathway.Default;
        Screening? screening = null;
        if (r.ScreeningId is { } sid)
        {
            screening = await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.PatientId == patient.Id, ct);
            if (screening is null)
            {
                errors["screeningId"] = ["The id of a screening of this patient, or leave it out."];
            }
        }

        if (r.AssessedAt is not { } at)
        {
            errors["assessedAt"] = ["The time of the safety assessment is required (ISO 8601 with offset)."];
        }
        else if (RecordedTime.ProblemIfInFuture("assessedAt", at, now) is { } future)
        {
            errors["assessedAt"] = [future];
        }

        var outcome = pathway.Outcome(r.Outcome);
        if (outcome is null)
        {
            errors["outcome"] = [$"Allowed: {string.Join(", ", pathway.Outcomes.Select(o => o.Id))}."];
        }

        if (string.IsNullOrWhiteSpace(r.Plan) || r.Plan.Trim().Length > 2000)
        {
            errors["plan"] = ["The plan agreed (1 to 2000 characters): safety plan, follow-up, referral."];
        }

        if (r.StructuredInstrument is { Length: > 200 })
        {
            errors["structuredInstrument"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var assessment = new SafetyAssessment
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, ScreeningId = screening?.Id, AssessedAt = r.AssessedAt!.Value.ToUniversalTime(),
            RecordedAt = now, AssessedByUserId = userId, Outcome = outcome!.Id, Plan = r.Plan!.Trim(),
            StructuredInstrument = string.IsNullOrWhiteSpace(r.StructuredInstrument) ? null : r.StructuredInstrument.Trim(),
            PathwayVersion = pathway.Version,
        };
        db.SafetyAssessments.Add(assessment);
        if (screening is not null)
        {
            var key = $"screening/{screening.Id}/{MentalHealthAlertRules.Phq9SelfHarmThoughts.Id}";
            foreach (var alert in await db.Alerts.Where(a => a.PatientId == patient.Id && a.ConditionKey == key && a.Status != AlertStatus.Resolved)
                .ToListAsync(ct))
            {
                alert.Status = AlertStatus.Resolved;
                alert.ResolvedAt = now;
                alert.ResolvedByUserId = userId;
                alert.ResolutionReason = $"Safety assessment recorded: {outcome.Label}.";
                alert.ConcurrencyStamp = Guid.NewGuid();
            }
        }

        await db.SaveChangesAsync(ct);
        return (ViewOf(assessment, await NamesAsync([userId], ct)), errors);
    }

    public async Task<IReadOnlyList<SafetyAssessmentView>> SafetyAssessmentsAsync(Guid patientId, CancellationToken ct = default)
    {
        var list = (await db.SafetyAssessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(a => a.AssessedAt).ToList();
        var names = await NamesAsync(list.Select(a => a.AssessedByUserId), ct);
        return list.Select(a => ViewOf(a, names)).ToList();
    }

    public static SafetyAssessmentView ViewOf(SafetyAssessment a, IReadOnlyDictionary<Guid, string> names) =>
        new(a.Id, a.ScreeningId, a.AssessedAt, a.AssessedByUserId, names.GetValueOrDefault(a.AssessedByUserId, ""), a.Outcome,
            Phq9SafetyPathway.Default.Outcome(a.Outcome)?.Label ?? a.Outcome, a.Plan, a.StructuredInstrument, a.PathwayVersion, a.RecordedAt);

    // ---- DSM-5 use-disorder checklists ----

    public async Task<(UseDisorderView? Recorded, Dictionary<string, string[]> Errors)> RecordUseDisorderAsync(
        Patient patient, UseDisorderRequest r, Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var errors = UseDisorderChecklist.Problems(r.Substance, r.CriteriaMet);
        if (r.Occasion is null || !Occasions.Contains(r.Occasion))
        {
            errors["occasion"] = [$"Allowed: {string.Join(", ", Occasions)} (at entry, or at a review)."];
        }

        if (r.UnderMedicalSupervision is null)
        {
            errors["underMedicalSupervision"] = ["Say whether the substance is taken only under appropriate medical supervision (true or false)."];
        }

        if (r.AssessedAt is not { } at)
        {
            errors["assessedAt"] = ["The time of the assessment is required (ISO 8601 with offset)."];
        }
        else if (RecordedTime.ProblemIfInFuture("assessedAt", at, now) is { } future)
        {
            errors["assessedAt"] = [future];
        }

        if (r.Note is { Length: > 1000 })
        {
            errors["note"] = ["At most 1000 characters."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var result = UseDisorderChecklist.Evaluate(r.Substance!, r.CriteriaMet!, r.UnderMedicalSupervision!.Value);
        var row = new UseDisorderAssessment
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, Substance = result.Substance, Occasion = r.Occasion!,
            CriteriaMetJson = JsonSerializer.Serialize(result.Met), UnderMedicalSupervision = r.UnderMedicalSupervision.Value,
            CountedCriteria = result.Counted.Count, Severity = result.Severity, CriteriaVersion = result.CriteriaVersion,
            AssessedAt = r.AssessedAt!.Value.ToUniversalTime(), RecordedAt = now, RecordedByUserId = userId,
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
        };
        db.UseDisorderAssessments.Add(row);
        await db.SaveChangesAsync(ct);
        return (ViewOf(row, await NamesAsync([userId], ct)), errors);
    }

    public async Task<IReadOnlyList<UseDisorderView>> UseDisorderAsync(Guid patientId, CancellationToken ct = default)
    {
        var list = (await db.UseDisorderAssessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(a => a.AssessedAt).ToList();
        var names = await NamesAsync(list.Select(a => a.RecordedByUserId), ct);
        return list.Select(a => ViewOf(a, names)).ToList();
    }

    public static UseDisorderView ViewOf(UseDisorderAssessment a, IReadOnlyDictionary<Guid, string> names)
    {
        var met = JsonSerializer.Deserialize<List<int>>(a.CriteriaMetJson)!;
        var result = UseDisorderChecklist.Evaluate(a.Substance, met, a.UnderMedicalSupervision);
        return new UseDisorderView(a.Id, a.Substance, UseDisorderCriteria.Default.Substance(a.Substance)?.Name ?? a.Substance, a.Occasion,
            result.Met, result.Counted, result.NotCountedUnderSupervision, a.UnderMedicalSupervision, a.Severity, result.Wording,
            a.CriteriaVersion, a.AssessedAt, a.RecordedByUserId, names.GetValueOrDefault(a.RecordedByUserId, ""), a.Note);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
