using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Medicines;
using Speciosa.Web.Alerts;
using Speciosa.Web.Audit;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Medicines;

public static class MedicineEndpoints
{
    public static IEndpointRouteBuilder MapMedicineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope("/medicines").WithTags("Medicines");

        group.MapGet("/", async Task<Results<Ok<List<MedicineView>>, ProblemHttpResult>> (
                VisiblePatient patient, MedicineScreeningService screening, CancellationToken ct) =>
                TypedResults.Ok(await screening.ListAsync(patient.Id, ct)))
            .WithSummary("Current concomitant medicines (name, dose and frequency as written) with their screening outcome (InteractionsFound, NoKnownInteraction, ClassTooBroad, NoData).")
            .Audited("medicine.list", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        group.MapPost("/", async Task<Results<Created<MedicineAdded>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, MedicineRequest request, ClaimsPrincipal user, HttpContext http,
                MedicineScreeningService screening, TimeProvider clock, CancellationToken ct) =>
            {
                var p = patient.Record;
                var (added, errors) = await screening.AddAsync(p, request, user.UserId()!.Value, clock.GetUtcNow(), ct);
                if (added is null)
                {
                    return ProblemResponses.Invalid(errors);
                }

                http.Audit().ResourceId = added.Medicine.Id.ToString();
                return TypedResults.Created($"/api/patients/{p.Id}/medicines", added);
            })
            .WithSummary("Add a concomitant medicine or substance (name, which may end with the dose and frequency as written, e.g. " +
                "'alprazolam 0.5 mg tid'; optional dose, frequency, RxNorm, drug class ids); it is screened at once and found interactions " +
                "alert in the same save. NoData (unrecognised) and ClassTooBroad (e.g. only 'antidepressant') differ from NoKnownInteraction.")
            .Idempotent()
            .Audited("medicine.create", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        return app;
    }
}
