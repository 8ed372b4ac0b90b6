using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Safety;
using Speciosa.Web.Alerts;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Safety;

/// <summary>Adverse events of a patient, used by the API and the page: record (validated and assessed by the core; a serious
/// event's alert in the same save) and list.</summary>
public sealed class AdverseEvents(SpeciosaDbContext db, TimeProvider clock)
{
    public async Task<List<AdverseEventView>> ListAsync(Guid patientId, CancellationToken ct) =>
        (await db.AdverseEvents.AsNoTracking().Where(e => e.PatientId == patientId && !e.EnteredInError).ToListAsync(ct))
            .OrderByDescending(e => e.Onset).Select(AdverseEventEndpoints.ViewOf).ToList();

    /// <summary>Validates and stores the event with its alert; on any problem (or any <paramref name="priorErrors"/>) stores nothing (errors keyed by field).</summary>
    public async Task<(AdverseEventRecorded? Recorded, Dictionary<string, string[]> Errors)> RecordAsync(
        Patient patient, AdverseEventRequest request, Guid userId, CancellationToken ct, IReadOnlyDictionary<string, string[]>? priorErrors = null)
    {
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var criteria = request.SeriousnessCriteria ?? [];
        var validation = AdverseEventValidation.Validate(
            new AdverseEventReport(id.ToString(), request.TermId, request.OtherTerm, request.Grade, request.Onset, request.ResolvedAt,
                request.Outcome ?? "", request.Relatedness ?? "", criteria), now);
        var errors = validation.Problems.GroupBy(pr => pr.Field).ToDictionary(g => g.Key, g => g.Select(pr => pr.Message).ToArray());
        var action = request.ActionTaken ?? "unknown";
        if (!AdverseEventActions.All.Contains(action))
        {
            errors["actionTaken"] = [$"Allowed: {string.Join(", ", AdverseEventActions.All)}."];
        }

        if (request.Description is { Length: > 4000 })
        {
            errors["description"] = ["At most 4000 characters."];
        }

        foreach (var (field, messages) in priorErrors ?? new Dictionary<string, string[]>())
        {
            errors[field] = messages; // what the form could not read says more than the core's view of the default
        }

        if (errors.Count > 0 || validation.Event is not { } ev)
        {
            return (null, errors);
        }

        var assessment = AdverseEventAssessment.Assess(ev);
        var row = new AdverseEventRecord
        {
            Id = id, PatientId = patient.Id, TermId = ev.Term?.Id, TermText = ev.TermText, Grade = ev.Grade, Onset = ev.Onset.ToUniversalTime(),
            ResolvedAt = ev.ResolvedAt?.ToUniversalTime(), Outcome = request.Outcome!, Relatedness = request.Relatedness!,
            SeriousnessCriteria = string.Join(",", criteria.Distinct()), Serious = assessment.IsSerious, ActionTaken = action,
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            RecordedAt = now, RecordedByUserId = userId,
        };
        db.AdverseEvents.Add(row);
        var raised = assessment.Alerts;
        var added = await AlertBook.AddNewAsync(db, patient, raised, now, ct);
        added = await AlertBook.SaveAsync(db, added, () => AlertBook.AddNewAsync(db, patient, raised, now, ct), ct);
        return (new AdverseEventRecorded(AdverseEventEndpoints.ViewOf(row), added.Select(AlertBook.ViewOf).ToList()), errors);
    }

    /// <summary>Not yet assessed by a clinician: the relatedness of a patient's draft.</summary>
    public const string NotAssessed = "not-assessed";

    /// <summary>A patient's side effect as an adverse-event DRAFT for staff (issue 14 item 3): marked draft and patient-reported,
    /// outcome unknown, relatedness and seriousness not assessed, the grade the patient's severity as a draft grade. A liver-injury
    /// symptom raises the "liver panel now" alert (<see cref="AdverseEventAlertRules.LiverSymptomPanelNow"/>, LOCAL-LIVER-SYMPTOMS) in
    /// the same save, through <see cref="AlertBook"/>. Nothing here changes a dose.</summary>
    public async Task<(AdverseEventRecord Draft, IReadOnlyList<RaisedAlert> Alerts)> RecordPatientDraftAsync(
        Patient patient, AdverseEventTerm? term, string termText, int draftGrade, DateTimeOffset onset, string? description, Guid userId,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draftGrade, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(draftGrade, 3);
        var now = clock.GetUtcNow();
        var row = new AdverseEventRecord
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, TermId = term?.Id, TermText = termText, Grade = draftGrade, Onset = onset.ToUniversalTime(),
            Outcome = "unknown", Relatedness = NotAssessed, SeriousnessCriteria = "", Serious = false, ActionTaken = "unknown",
            Description = description, RecordedAt = now, RecordedByUserId = userId, Draft = true, PatientReported = true,
        };
        db.AdverseEvents.Add(row);
        var raised = AdverseEventAssessment.LiverSymptom(term, termText, draftGrade, onset, "not assessed (patient-reported draft)", row.Id.ToString())
            is { } liver ? new[] { liver } : [];
        var added = await AlertBook.AddNewAsync(db, patient, raised, now, ct);
        added = await AlertBook.SaveAsync(db, added, () => AlertBook.AddNewAsync(db, patient, raised, now, ct), ct);
        return (row, added);
    }
}
