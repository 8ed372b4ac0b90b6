using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Documents;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Patients;

/// <summary>/api/patients: enrol, list, read and edit patient records.
/// A patient the caller may not see is a 404, whatever the reason.</summary>
public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patients").WithTags("Patients");

        group.MapGet("/", async Task<Results<Ok<ListPage<PatientSummary>>, ValidationProblem>> (
                ClaimsPrincipal user, HttpContext http, PatientRecords records, [AsParameters] PageRequest paging, CancellationToken ct,
                string? name = null, string? status = null, DateOnly? dateOfBirth = null, string? record = null, string? sort = null) =>
            {
                var search = new PatientSearch(name, status, dateOfBirth, record, sort);
                var errors = records.Check(search, paging);
                if (errors.Count > 0)
                {
                    return ProblemResponses.Invalid(errors);
                }

                var page = await records.SearchAsync(user, search, paging.OrSize(25), ct);
                http.Audit().Showed(page.Items.Select(p => p.Id));
                return TypedResults.Ok(page);
            })
            .WithSummary("Patients you may see (your clinic only), by name (contains), dateOfBirth (yyyy-mm-dd), record (the record number: " +
                "the start of the record id, 6+ characters) and status; sort = name (default), dateOfBirth, openAlerts, enrolled, episodeDay (the " +
                "newest withdrawal episode's day), lastScore (the newest COWS or SOWS total) or nextDue (the earliest item due), '-' first for " +
                "descending, empty values last; each row has its record number, open (unresolved) alerts and columns (episodeDay, lastScore, " +
                "nextDue in words); page from 1, pageSize up to 100.")
            .Audited("patient.list", "Patient").RequireAuthorization(Policies.PatientRecords);

        group.MapPost("/", async Task<Results<Created<PatientView>, ValidationProblem, ProblemHttpResult>> (
                PatientRequest request, ClaimsPrincipal user, HttpContext http, PatientRecords records, CancellationToken ct) =>
            {
                var (patient, errors, objection) = await records.EnrolAsync(user, request, ct);
                if (objection is not null)
                {
                    return objection.Problem;
                }

                if (patient is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().PatientId = patient.Id;
                http.Audit().ResourceId = patient.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}", await records.ViewAsync(patient, ct));
            })
            .WithSummary("Enrol a patient in your clinic. A patient of the clinic with the same name and date of birth is a 409 " +
                "(type possible-duplicate, listing them) until the request says confirmDuplicate: true. The law where the patient lives is checked next: a refusal is 422 with reasons and sources; a warning is 409 until the request says confirmLegalWarning: true.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Idempotent()
            .Audited("patient.create", "Patient").RequireAuthorization(Policies.Clinical);

        // Everything about one patient: a patient the caller may not see is 404 before any handler runs.
        var scoped = app.MapPatientScope().WithTags("Patients");

        scoped.MapGet("", async Task<Results<Ok<PatientView>, ProblemHttpResult>> (
                VisiblePatient patient, PatientRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.ViewAsync(patient.Record, ct)))
            .WithSummary("A patient record.")
            .Audited("patient.read", "Patient").RequireAuthorization(Policies.PatientRecords);

        scoped.MapGet("/summary.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                VisiblePatient patient, DocumentPrinter printer, Clinics.ClinicCalendar calendar, TimeProvider clock,
                IEnumerable<IPatientSummarySection> sections, CancellationToken ct) =>
            {
                var p = patient.Record;
                var context = new PatientSummaryContext(p, await calendar.ZoneAsync(p.ClinicId, ct), clock.GetUtcNow());
                var blocks = new List<Documents.DocBlock>
                {
                    new Documents.DocFields(
                    [
                        new("Name", p.DisplayName),
                        new("Date of birth", p.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                        new("Record number", p.Id.ToString()),
                        new("Sex", p.Sex),
                        new("Status", p.Status),
                        new("Pregnant / breastfeeding / planning conception",
                            $"{(p.Pregnant ? "yes" : "no")} / {(p.Breastfeeding ? "yes" : "no")} / {(p.PlanningConception ? "yes" : "no")}"),
                    ]),
                };
                foreach (var section in sections.OrderBy(s => s.Order))
                {
                    blocks.AddRange(await section.LoadAsync(context, ct));
                }

                return await printer.PdfAsync(p.ClinicId, "Patient summary", DocumentPrinter.PatientOf(p), blocks, $"patient-summary-{p.Id}", ct);
            })
            .Produces(StatusCodes.Status200OK, contentType: DocumentPrinter.ContentType)
            .WithSummary("The patient summary as a PDF for staff (the overview's staff view): banner, regimen, withdrawal scores chart, " +
                "liver chart, open alerts with rule and source, medicines. Name and date of birth on every page.")
            .Audited("patient.summary-pdf", "Patient").RequireAuthorization(Policies.Clinical);

        scoped.MapPut("", async Task<Results<Ok<PatientView>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, WholeRecord<PatientRequest> body, PatientRecords records, CancellationToken ct) =>
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

        return app;
    }

}
