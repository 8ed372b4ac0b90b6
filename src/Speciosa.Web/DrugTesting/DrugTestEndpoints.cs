using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.DrugTesting;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.DrugTesting;

public static class DrugTestEndpoints
{
    public static IEndpointRouteBuilder MapDrugTestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/drug-test-analytes", () => TypedResults.Ok(DrugTestCatalogue.Default))
            .WithTags("DrugTesting").WithSummary("The analytes a urine drug test result may name, the methods each may be reported by, and their notes and sources.")
            .Audited("drug-test.analytes", "DrugTestAnalyte").RequireAuthorization(Policies.Clinical);

        var group = app.MapPatientScope("/drug-tests").WithTags("DrugTesting");

        group.MapGet("/", async Task<Ok<IReadOnlyList<DrugTestView>>> (VisiblePatient patient, DrugTestRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.ListAsync(patient.Id, ct)))
            .WithSummary("The patient's urine drug tests, newest specimen first, each result with the reading made when it was recorded.")
            .Audited("drug-test.list", "DrugTest").RequireAuthorization(Policies.Clinical);

        group.MapPost("/", async Task<Results<Created<DrugTestRecorded>, ProblemHttpResult>> (
                VisiblePatient patient, DrugTestRequest request, ClaimsPrincipal user, HttpContext http, DrugTestRecords records, CancellationToken ct) =>
            {
                var result = await records.RecordAsync(patient.Record, request, user.UserId()!.Value, ct);
                if (result.Recorded is not { } recorded)
                {
                    return result.Outcome.ToProblem();
                }

                http.Audit().ResourceId = recorded.Test.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/drug-tests", recorded);
            })
            .WithSummary("Record a urine drug test: collectedAt, results [{analyte, method (immunoassay|confirmation), technique (e.g. LC-MS/MS), " +
                "result (positive|negative), cutoffNgPerMl}]. Each result is read against the current medicine list and the kratom regimen; " +
                "an unexpected fentanyl positive raises a Critical alert in the same save. Mitragynine and 7-OH are confirmation only: " +
                "opiate immunoassays do not detect them.")
            .Idempotent()
            .Audited("drug-test.create", "DrugTest").RequireAuthorization(Policies.Clinical);

        return app;
    }
}
