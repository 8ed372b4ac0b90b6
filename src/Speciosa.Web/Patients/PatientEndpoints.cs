using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

using Speciosa.Web.Jurisdictions;

namespace Speciosa.Web.Patients;

/// <summary>/api/patients (records, opioid history, episodes, assessments, alerts) and /api/instruments.
/// A patient the caller may not see is a 404, whatever the reason.</summary>
public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/instruments", () => TypedResults.Ok(InstrumentCatalog.Default.All))
            .WithTags("Instruments").WithSummary("Instrument definitions (items, allowed scores, bands, sources, version).")
            .Audited("instrument.list", "Instrument").RequireAuthorization(Policies.PatientRecords);

        var group = app.MapGroup("/api/patients").WithTags("Patients");

        group.MapGet("/", async Task<Results<Ok<PatientPage>, ValidationProblem>> (
                ClaimsPrincipal user, PatientRecords records, CancellationToken ct, string? name = null, string? status = null,
                int page = 1, int pageSize = 25) =>
            {
                var errors = PatientRecords.CheckPaging(status, page, pageSize);
                return errors.Count > 0 ? ProblemResponses.Invalid(errors)
                    : TypedResults.Ok(await records.SearchAsync(user, name, status, page, pageSize, ct));
            })
            .WithSummary("Patients you may see, by name (contains) and status, sorted by family name; page from 1, pageSize up to 100.")
            .Audited("patient.list", "Patient").RequireAuthorization(Policies.PatientRecords);

        group.MapPost("/", async Task<Results<Created<PatientView>, ValidationProblem, ProblemHttpResult>> (
                PatientRequest request, ClaimsPrincipal user, HttpContext http, PatientRecords records, CancellationToken ct) =>
            {
                var (patient, errors, legal) = await records.EnrolAsync(user, request, ct);
                if (legal is { Refused: true } or { NeedsConfirmation: true })
                {
                    return LegalReasons.Problem(legal.Decision, legal.Refused);
                }

                if (patient is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().PatientId = patient.Id;
                http.Audit().ResourceId = patient.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}", await records.ViewAsync(patient, ct));
            })
            .WithSummary("Enrol a patient in your clinic. The law where the patient lives is checked first: a refusal is 422 with reasons and sources; a warning is 409 until the request says confirmLegalWarning: true.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Audited("patient.create", "Patient").RequireAuthorization(Policies.Clinical);

        // Everything about one patient: a patient the caller may not see is 404 before any handler runs.
        var scoped = app.MapPatientScope().WithTags("Patients");

        scoped.MapGet("", async Task<Results<Ok<PatientView>, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, PatientRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.ViewAsync(patient.Record, ct)))
            .WithSummary("A patient record.")
            .Audited("patient.read", "Patient").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPut("", async Task<Results<Ok<PatientView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, WholeRecord<PatientRequest> body, ClaimsPrincipal user, PatientRecords records, CancellationToken ct) =>
            {
                var p = patient.Record;

                if (body.Value is not { } request)
                {
                    return ProblemResponses.Invalid(body.MissingErrors());
                }

                var (saved, errors, conflict) = await records.EditAsync(p, request, ct);
                return conflict ? ProblemResponses.StaleWrite("The record changed since you read it; reload and edit again.")
                    : saved is null ? ProblemResponses.Invalid(errors)
                    : TypedResults.Ok(await records.ViewAsync(saved, ct));
            })
            .Accepts<PatientRequest>("application/json")
            .WithSummary("Replace a patient record: send every field (400 names any left out, so no flag is cleared by omission) and the concurrencyStamp you read (409 when it changed since).")
            .Audited("patient.update", "Patient").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/opioid-use", async Task<Results<Ok<IReadOnlyList<OpioidUseView>>, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, PatientRecords records, WithdrawalRecords withdrawal, CancellationToken ct) =>
                TypedResults.Ok(await withdrawal.OpioidHistoryAsync(patient.Id, ct)))
            .WithSummary("Opioid use history with MME/day (CDC table version), or why MME is not computable.")
            .Audited("opioid-use.list", "OpioidUse").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/opioid-use", async Task<Results<Created<OpioidUseView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, OpioidUseRequest request, ClaimsPrincipal user, HttpContext http, PatientRecords records,
                WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                var p = patient.Record;

                var (use, errors) = await withdrawal.RecordOpioidUseAsync(p, request, user.UserId()!.Value, ct);
                if (use is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = use.Id.ToString();
                return TypedResults.Created($"/api/patients/{p.Id}/opioid-use", WithdrawalRecords.ViewOf(use));
            })
            .WithSummary("Record an opioid the patient used: substance, amount per day and unit, release, route, duration, last use.")
            .Audited("opioid-use.create", "OpioidUse").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/episodes", async Task<Results<Ok<IReadOnlyList<EpisodeView>>, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, PatientRecords records, WithdrawalRecords withdrawal, CancellationToken ct) =>
                TypedResults.Ok(await withdrawal.EpisodesAsync(patient.Id, ct)))
            .WithSummary("Withdrawal episodes with their expected course (onset, peak, acute end) and sources.")
            .Audited("episode.list", "WithdrawalEpisode").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/episodes", async Task<Results<Created<EpisodeView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, EpisodeRequest request, ClaimsPrincipal user, HttpContext http, PatientRecords records,
                WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                var p = patient.Record;

                var (episode, errors) = await withdrawal.OpenEpisodeAsync(p, request, user.UserId()!.Value, ct);
                if (episode is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = episode.Id.ToString();
                var view = (await withdrawal.EpisodesAsync(p.Id, ct)).First(e => e.Id == episode.Id);
                return TypedResults.Created($"/api/patients/{p.Id}/episodes", view);
            })
            .WithSummary("Open a withdrawal episode starting at the last use of a recorded opioid.")
            .Audited("episode.create", "WithdrawalEpisode").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/assessments", async Task<Results<Ok<IReadOnlyList<AssessmentView>>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, HttpContext http, PatientRecords records, WithdrawalRecords withdrawal,
                CancellationToken ct, string? instrument = null, int page = 1, int pageSize = PatientRecords.MaxPageSize) =>
            {
                var errors = WithdrawalRecords.CheckHistoryQuery(instrument, page, pageSize);
                if (errors.Count > 0)
                {
                    return ProblemResponses.Invalid(errors);
                }

                var p = patient.Record;

                var history = await withdrawal.AssessmentHistoryAsync(p.Id, instrument, page, pageSize, ct);
                http.Response.Headers["X-Total-Count"] = history.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Ok(history.Items);
            })
            .WithSummary("Assessment history, newest first: answers, total, band, instrument version, rater, review state. " +
                "Filter by ?instrument (id); page from 1, pageSize up to 100 (default 100); the X-Total-Count header holds the total.")
            .Audited("assessment.list", "Assessment").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/assessments", async Task<Results<Created<AssessmentRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, AssessmentRequest request, ClaimsPrincipal user, HttpContext http, PatientRecords records,
                WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                var p = patient.Record;

                var (recorded, errors) = await withdrawal.RecordAssessmentAsync(p, request, user, ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = recorded.Assessment.Id.ToString();
                return TypedResults.Created($"/api/patients/{p.Id}/assessments", recorded);
            })
            .WithSummary("Record an assessment (answers by item number; COWS pulseBpm scores item 1). The server computes total, " +
                "band and alerts. A patient's own entry is marked patient-reported and awaits staff review.")
            .Idempotent()
            .Audited("assessment.create", "Assessment").RequireAuthorization(Policies.PatientRecords);

        scoped.MapPost("/assessments/{assessmentId:guid}/review", async Task<Results<Ok<AssessmentView>, ProblemHttpResult>> (
                VisiblePatient patient, Guid assessmentId, ClaimsPrincipal user, HttpContext http, PatientRecords records,
                WithdrawalRecords withdrawal, CancellationToken ct) =>
            {
                if (await withdrawal.ReviewAsync(patient.Id, assessmentId, user.UserId()!.Value, ct) is not { } a)
                {
                    return NotFound();
                }

                http.Audit().ResourceId = a.Id.ToString();
                return TypedResults.Ok(WithdrawalRecords.ViewOf(a, await withdrawal.RaterNamesAsync([a], ct)));
            })
            .WithSummary("Staff review of a patient-reported assessment.")
            .Audited("assessment.review", "Assessment").RequireAuthorization(Policies.Clinical);

        scoped.MapGet("/alerts", async Task<Results<Ok<IReadOnlyList<AlertView>>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, ClaimsPrincipal user, PatientRecords records, SpeciosaDbContext db, CancellationToken ct,
                string? status = AlertStatus.Open) =>
            {
                if (status is not (null or "" or AlertStatus.Open or AlertStatus.Acknowledged or AlertStatus.Resolved or "all"))
                {
                    return ProblemResponses.Invalid("status", "Allowed: open, acknowledged, resolved, all.");
                }

                return TypedResults.Ok(await AlertBook.ForPatientAsync(db, patient.Id, status is "all" or "" ? null : status, ct));
            })
            .WithSummary("Alerts of a patient (default open) with rule, version, inputs, threshold and source.")
            .Audited("alert.list", "Alert").RequireAuthorization(Policies.Clinical);

        return app;
    }

    private static ProblemHttpResult NotFound() => ProblemResponses.Problem(StatusCodes.Status404NotFound);
}
