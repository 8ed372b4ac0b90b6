using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Clinical.MentalHealth;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.MentalHealth;

/// <summary>/api/mental-health/… knowledge, and per patient: screenings (PHQ-9, GAD-7, AUDIT-C), safety assessments and
/// DSM-5 use-disorder checklists.</summary>
public static class MentalHealthEndpoints
{
    public static IEndpointRouteBuilder MapMentalHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/mental-health/instruments", () => TypedResults.Ok(MentalHealthInstruments.Catalog.All))
            .WithTags("MentalHealth").WithSummary("PHQ-9, GAD-7 and AUDIT-C definitions (items, allowed scores, bands, sources, version).")
            .Audited("instrument.list", "Instrument").RequireAuthorization(Policies.PatientRecords);

        app.MapGet("/api/mental-health/knowledge", () => TypedResults.Ok(new
            {
                auditCCutoffs = AuditCCutoffs.Default, safetyPathway = Phq9SafetyPathway.Default, useDisorderCriteria = UseDisorderCriteria.Default,
            }))
            .WithTags("MentalHealth").WithSummary("AUDIT-C cut-offs with sources, the PHQ-9 item-9 pathway (C-SSRS linked with its licence note, " +
                "outcomes) and the DSM-5 use-disorder criteria (paraphrased) with severity steps.")
            .Audited("mental-health.knowledge", "Instrument").RequireAuthorization(Policies.Clinical);

        var scoped = app.MapPatientScope().WithTags("MentalHealth");

        scoped.MapGet("/screenings", async Task<Results<Ok<ListPage<ScreeningView>>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, MentalHealthRecords records, [AsParameters] PageRequest paging, CancellationToken ct,
                string? instrument = null) =>
            {
                var errors = MentalHealthRecords.CheckScreeningQuery(instrument, paging);
                return errors.Count > 0 ? ProblemResponses.Invalid(errors)
                    : TypedResults.Ok(await records.ScreeningsAsync(patient.Record, user.IsCareStaff(), instrument, paging.OrSize(PageRequest.MaxPageSize), ct));
            })
            .WithSummary("Screenings (PHQ-9, GAD-7, AUDIT-C), newest first: item answers, total, band, instrument version, who rated, review state; " +
                "for staff, the AUDIT-C reading against the sex-specific cut-off. ?instrument, ?page, ?pageSize (default 100).")
            .Audited("screening.list", "Screening").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/screenings", async Task<Results<Created<ScreeningRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, ScreeningRequest request, ClaimsPrincipal user, HttpContext http, MentalHealthRecords records, CancellationToken ct) =>
            {
                var (recorded, errors) = await records.RecordScreeningAsync(patient.Record, request, user, ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = recorded.Screening.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/screenings", recorded);
            })
            .WithSummary("Record a PHQ-9, GAD-7 or AUDIT-C (answers by item number). The server scores it; PHQ-9 item 9 above 0 raises a Critical " +
                "alert in the same save. A patient's own entry is patient-reported, awaits staff review and is answered without alerts.")
            .Idempotent()
            .Audited("screening.create", "Screening").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/screenings/{screeningId:guid}/review", async Task<Results<Ok<ScreeningView>, ProblemHttpResult>> (
                VisiblePatient patient, Guid screeningId, ClaimsPrincipal user, HttpContext http, MentalHealthRecords records, CancellationToken ct) =>
            {
                http.Audit().ResourceId = screeningId.ToString();
                return await records.ReviewAsync(patient.Record, screeningId, user.UserId()!.Value, ct) is { } view
                    ? TypedResults.Ok(view) : ProblemResponses.Problem(StatusCodes.Status404NotFound);
            })
            .WithSummary("Staff review of a patient-reported screening.")
            .Audited("screening.review", "Screening").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/safety-assessments", async Task<Results<Ok<IReadOnlyList<SafetyAssessmentView>>, ProblemHttpResult>> (
                VisiblePatient patient, MentalHealthRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.SafetyAssessmentsAsync(patient.Id, ct)))
            .WithSummary("Suicide-risk safety assessments: who, when, outcome, plan, the structured instrument used.")
            .Audited("safety-assessment.list", "SafetyAssessment").RequireAuthorization(Policies.Clinical);

        scoped.MapPost("/safety-assessments", async Task<Results<Created<SafetyAssessmentView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, SafetyAssessmentRequest request, ClaimsPrincipal user, HttpContext http, MentalHealthRecords records,
                CancellationToken ct) =>
            {
                var (recorded, errors) = await records.RecordSafetyAssessmentAsync(patient.Record, request, user.UserId()!.Value, ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = recorded.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/safety-assessments", recorded);
            })
            .WithSummary("A clinician records a safety assessment (screeningId optional, assessedAt, outcome, plan, structuredInstrument); " +
                "it resolves the open PHQ-9 item-9 alert of that screening, naming the outcome.")
            .Idempotent()
            .Audited("safety-assessment.create", "SafetyAssessment").RequireAuthorization(Policies.Clinician);

        scoped.MapGet("/use-disorder-checklists", async Task<Results<Ok<IReadOnlyList<UseDisorderView>>, ProblemHttpResult>> (
                VisiblePatient patient, MentalHealthRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.UseDisorderAsync(patient.Id, ct)))
            .WithSummary("DSM-5 use-disorder checklists (opioid, kratom) at entry and at review, with severity.")
            .Audited("use-disorder.list", "UseDisorderAssessment").RequireAuthorization(Policies.Clinical);

        scoped.MapPost("/use-disorder-checklists", async Task<Results<Created<UseDisorderView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, UseDisorderRequest request, ClaimsPrincipal user, HttpContext http, MentalHealthRecords records,
                CancellationToken ct) =>
            {
                var (recorded, errors) = await records.RecordUseDisorderAsync(patient.Record, request, user.UserId()!.Value, ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = recorded.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/use-disorder-checklists", recorded);
            })
            .WithSummary("Record a DSM-5 checklist: substance (opioid | kratom), occasion (entry | review), criteriaMet (1-11), " +
                "underMedicalSupervision (tolerance and withdrawal then not counted), assessedAt, note. Severity: 2-3 mild, 4-5 moderate, 6+ severe.")
            .Idempotent()
            .Audited("use-disorder.create", "UseDisorderAssessment").RequireAuthorization(Policies.Clinical);

        // The page's "Mark reviewed" button: a form post, then a redirect back, so a reload sends nothing.
        app.MapPost("/patients/{patientId:guid}/screenings/{screeningId:guid}/review", async (
                Guid patientId, Guid screeningId, [FromForm(Name = "review")] string? review, ClaimsPrincipal user, HttpContext http,
                PatientRecords patients, MentalHealthRecords records, CancellationToken ct) =>
            {
                if (await patients.FindAsync(user, patientId, ct) is not { } patient)
                {
                    return Results.NotFound();
                }

                http.Audit().PatientId = patient.Id;
                http.Audit().ResourceId = screeningId.ToString();
                return await records.ReviewAsync(patient, screeningId, user.UserId()!.Value, ct) is null
                    ? Results.NotFound()
                    : Results.LocalRedirect($"/patients/{patient.Id}/mental-health");
            })
            .Audited("screening.review", "Screening").RequireAuthorization(Policies.Clinical)
            .ExcludeFromDescription();

        return app;
    }
}
