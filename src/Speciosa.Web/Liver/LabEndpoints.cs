using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Liver;

/// <summary>/api/patients/{patientId}/labs: liver test results (JSON and CSV), entered-in-error, and the liver evaluation.</summary>
public static class LabEndpoints
{
    public const int MaxCsvBytes = 1_000_000;

    public static IEndpointRouteBuilder MapLabEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope().WithTags("Labs");

        group.MapGet("/labs", async Task<Results<Ok<IReadOnlyList<LabResultView>>, ProblemHttpResult>> (
                VisiblePatient patient, LabRecords labs, CancellationToken ct) =>
                TypedResults.Ok(await labs.ListAsync(patient.Id, ct)))
            .WithSummary("Liver test results, newest first: as reported (value, UCUM unit, lab range), ULN origin, ×ULN and the value evaluated (bilirubin in mg/dL).")
            .Audited("lab.list", "LabResult").RequireAuthorization(Policies.PatientRecords);

        group.MapGet("/labs.csv", async Task<IResult> (
                VisiblePatient patient, LabRecords labs, LiverReview review, Speciosa.Web.Clinics.ClinicCalendar calendar, TimeProvider clock,
                HttpContext http, CancellationToken ct) =>
            {
                var zone = await calendar.ZoneAsync(patient.Record.ClinicId, ct);
                var results = await labs.ListAsync(patient.Id, ct);
                var evaluation = review.Evaluate(await review.CurrentResultsAsync(patient.Id, ct));
                var csv = new CsvWriter().Header($"collected_at ({zone.Id})", "test", "loinc", "value", "unit", "reference_low", "uln",
                    "uln_origin", "times_uln", "ctcae_v5_grade", "status", "entered_in_error_reason", "lab");
                foreach (var r in results)
                {
                    csv.Row(zone.Local(r.CollectedAt), LiverWording.Short(r.Test), r.Loinc, r.Value, r.Unit, r.ReferenceLow, r.UpperLimitOfNormal,
                        r.UlnOrigin, r.TimesUln, GradeOf(r, evaluation),
                        r.EnteredInError ? "entered in error" : r.IsBaseline ? "baseline" : "current", r.EnteredInErrorReason, r.LabName);
                }

                return CsvDownload.Of(http, csv, "liver-results", zone.Today(clock.GetUtcNow()));
            })
            .WithSummary("Liver results as CSV (the liver page's results table: every result, newest first), times in the clinic's zone.")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("lab.export", "LabResult").RequireAuthorization(Policies.Clinical);

        group.MapPost("/labs", async Task<Results<Created<LabRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, LabResultsRequest request, ClaimsPrincipal user, HttpContext http, LabRecords labs, CancellationToken ct) =>
            {
                var p = patient.Record;
                var (recorded, errors) = await labs.RecordAsync(p, request.Results ?? [], user.UserId()!.Value, "api", ct);
                if (recorded is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = string.Join(",", recorded.Recorded.Select(r => r.Id)).Length > 90 ? $"{recorded.Recorded.Count} results" : string.Join(",", recorded.Recorded.Select(r => r.Id));
                return TypedResults.Created($"/api/patients/{p.Id}/labs", recorded);
            })
            .WithSummary("Record liver results (alt, ast, alp, total-bilirubin, ggt, inr; UCUM unit; the lab's ULN or the clinic default). " +
                "All or nothing; identical re-sends are skipped. Evaluated at once: Hy's law, DILI and CTCAE ≥ 3 alerts in the same save.")
            .Idempotent()
            .Audited("lab.create", "LabResult").RequireAuthorization(Policies.Clinical);

        group.MapPost("/labs/csv", async Task<Results<Created<LabRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, HttpRequest request, ClaimsPrincipal user, LabRecords labs, CancellationToken ct) =>
            {
                var p = patient.Record;
                if (request.ContentLength > MaxCsvBytes)
                {
                    return ProblemResponses.Invalid("file", $"At most {MaxCsvBytes} bytes.");
                }

                using var reader = new StreamReader(request.Body);
                var csv = await reader.ReadToEndAsync(ct);
                var (recorded, errors) = await labs.ImportCsvAsync(p, csv, user.UserId()!.Value, ct);
                return recorded is null ? ProblemResponses.Invalid(errors) : TypedResults.Created($"/api/patients/{p.Id}/labs", recorded);
            })
            .Accepts<string>("text/csv")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxCsvBytes)) // chunked bodies too: 413 past the limit
            .WithSummary("Import liver results from CSV (header: test,value,unit,collectedAt[,loinc,uln,referenceLow,baseline,lab]). " +
                "All or nothing: any problem is a 400 naming line and column; re-importing the same file changes nothing.")
            .Idempotent()
            .Audited("lab.import", "LabResult").RequireAuthorization(Policies.Clinical);

        group.MapPost("/labs/{labId:guid}/entered-in-error", async Task<Results<Ok<LabRecorded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, Guid labId, EnteredInErrorRequest request, HttpContext http, LabRecords labs, CancellationToken ct) =>
            {
                var (result, effect, problem) = await labs.MarkEnteredInErrorAsync(patient.Record, labId, request.Reason, ct);
                if (result is null)
                {
                    return NotFound();
                }

                http.Audit().ResourceId = result.Id.ToString();
                return problem is not null ? ProblemResponses.Invalid("reason", problem) : TypedResults.Ok(effect!);
            })
            .WithSummary("Mark a result entered in error (kept, excluded from evaluation); liver alerts are re-evaluated and clear if their condition no longer holds.")
            .Audited("lab.entered-in-error", "LabResult").RequireAuthorization(Policies.Clinical);

        group.MapGet("/liver", async Task<Results<Ok<LiverChart.Data>, ProblemHttpResult>> (
                VisiblePatient patient, LiverReview review, CancellationToken ct) =>
                TypedResults.Ok(LiverChart.Of(review.Evaluate(await review.CurrentResultsAsync(patient.Id, ct)))))
            .WithSummary("Liver tests as ×ULN over time with threshold lines, the eDISH point with its quadrant worded with the Hy's law verdict, " +
                "each panel's ×ULN and CTCAE grades, R (from ALT, or why not computable), pattern, DILI criteria and Hy's law, and the FDA 2009 stopping criteria.")
            .Audited("liver.read", "LabResult").RequireAuthorization(Policies.PatientRecords);

        group.MapGet("/kratom-history", async Task<Results<Ok<KratomHistoryView>, ProblemHttpResult>> (
                VisiblePatient patient, KratomHistoryRecords histories, CancellationToken ct) =>
                await histories.FindAsync(patient.Id, ct) is { } found ? TypedResults.Ok(found) : NotFound())
            .WithSummary("The patient's kratom history: date of first kratom use and where it came from (404 until entered).")
            .Audited("kratom-history.read", "KratomHistory").RequireAuthorization(Policies.Clinical);

        group.MapPut("/kratom-history", async Task<Results<Ok<KratomHistoryView>, ProblemHttpResult>> (
                VisiblePatient patient, KratomHistoryRequest request, ClaimsPrincipal user, KratomHistoryRecords histories, CancellationToken ct) =>
            {
                var (saved, outcome) = await histories.SaveAsync(patient.Record, request, user.UserId()!.Value, ct);
                return saved is null ? outcome.ToProblem() : TypedResults.Ok(saved);
            })
            .WithSummary("Enter or replace the date of first kratom use (yyyy-mm-dd, not in the future) with where it came from; RUCAM counts latency from it. A replacement sends the concurrencyStamp it read (409 if it changed since).")
            .Audited("kratom-history.save", "KratomHistory").RequireAuthorization(Policies.Clinical);

        return app;
    }

    private static ProblemHttpResult NotFound() => ProblemResponses.Problem(StatusCodes.Status404NotFound);

    /// <summary>The CTCAE grade as the liver page words it (entered in error and baseline results are not graded).</summary>
    public static string GradeOf(LabResultView r, Speciosa.Clinical.Liver.LiverEvaluation evaluation)
    {
        if (r.EnteredInError)
        {
            return "not evaluated";
        }

        if (r.IsBaseline)
        {
            return "baseline (not graded)";
        }

        var g = evaluation.Grades.FirstOrDefault(g => g.Test.ToString() == r.Test && g.CollectedAt == r.CollectedAt);
        return LiverWording.Grade(g, Enum.Parse<Speciosa.Clinical.Liver.LiverTest>(r.Test));
    }
}
