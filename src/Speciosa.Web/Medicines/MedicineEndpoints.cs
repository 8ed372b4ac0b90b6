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

        group.MapGet("/", async Task<Results<Ok<List<MedicineView>>, ValidationProblem>> (
                VisiblePatient patient, MedicineScreeningService screening, CancellationToken ct, string? status = null) =>
                status is null or "current" or "all"
                    ? TypedResults.Ok(await screening.ListAsync(patient.Id, ct, all: status == "all"))
                    : ProblemResponses.Invalid("status", "current (the default: what the rules count) or all (with stopped and entered-in-error medicines)."))
            .WithSummary("Concomitant medicines (name, dose, unit, frequency, route, start) with their screening outcome (InteractionsFound, " +
                "NoKnownInteraction, ClassTooBroad, NoData); ?status=all adds stopped and entered-in-error ones (outcome NotScreened) with their reasons.")
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

        group.MapPost("/{medicineId:guid}/stop", async Task<Results<Ok<MedicineChangeResponse>, ProblemHttpResult>> (
                VisiblePatient patient, Guid medicineId, MedicineStopRequest request, ClaimsPrincipal user, HttpContext http,
                MedicineScreeningService screening, TimeProvider clock, CancellationToken ct) =>
            {
                http.Audit().ResourceId = medicineId.ToString();
                var result = await screening.StopAsync(patient.Record, medicineId, request, user.UserId()!.Value, clock.GetUtcNow(), ct);
                return result.Outcome.Succeeded ? TypedResults.Ok(new MedicineChangeResponse(result.Medicine!, result.Change!)) : result.Outcome.ToProblem();
            })
            .WithSummary("Stop a current medicine with a reason (and the day, default today in the clinic's zone; concurrencyStamp required). " +
                "The interaction screen and every medicine-list rule re-run in the same save: alerts it caused are resolved with a reason naming the stop; " +
                "change.summary says what changed. 409 stale-write on a stale stamp; 409 when already stopped.")
            .Audited("medicine.stop", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        group.MapPut("/{medicineId:guid}", async Task<Results<Ok<MedicineEditResponse>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, Guid medicineId, WholeRecord<MedicineEditRequest> body, ClaimsPrincipal user, HttpContext http,
                MedicineScreeningService screening, TimeProvider clock, CancellationToken ct) =>
            {
                http.Audit().ResourceId = medicineId.ToString();
                if (body.Value is not { } request)
                {
                    return ProblemResponses.Invalid(body.MissingErrors());
                }

                var result = await screening.EditAsync(patient.Record, medicineId, request, user.UserId()!.Value, clock.GetUtcNow(), ct);
                return result.Outcome.Succeeded ? TypedResults.Ok(new MedicineEditResponse(result.Medicine!, result.Change, result.Edit)) : result.Outcome.ToProblem();
            })
            .Accepts<MedicineEditRequest>("application/json")
            .WithSummary("Change a current medicine's dose, unit, frequency and route (send all four, null to clear one), with a reason and the " +
                "concurrencyStamp you read (409 stale-write when it changed since; 409 when stopped or entered in error). The interaction screen and " +
                "every medicine-list rule re-run in the same save and change.summary says what changed; edit is the history row (who, when, why, " +
                "before and after). Sending what the medicine already reads (a retry) changes nothing: 200 with change and edit null. Accepts Idempotency-Key.")
            .Idempotent()
            .Audited("medicine.update", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        group.MapGet("/{medicineId:guid}/changes", async Task<Results<Ok<List<MedicineEditView>>, ProblemHttpResult>> (
                VisiblePatient patient, Guid medicineId, HttpContext http, MedicineScreeningService screening, CancellationToken ct) =>
            {
                http.Audit().ResourceId = medicineId.ToString();
                var edits = await screening.EditsAsync(patient.Id, ct);
                return edits.TryGetValue(medicineId, out var list) ? TypedResults.Ok(list)
                    : await screening.ExistsAsync(patient.Id, medicineId, ct) ? TypedResults.Ok(new List<MedicineEditView>())
                    : ProblemResponses.Problem(StatusCodes.Status404NotFound);
            })
            .WithSummary("A medicine's edits, newest first: who, when, why, the dose, unit, frequency and route before and after, and what the screen said.")
            .Audited("medicine.changes", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        group.MapPost("/{medicineId:guid}/entered-in-error", async Task<Results<Ok<MedicineChangeResponse>, ProblemHttpResult>> (
                VisiblePatient patient, Guid medicineId, MedicineErrorRequest request, ClaimsPrincipal user, HttpContext http,
                MedicineScreeningService screening, TimeProvider clock, CancellationToken ct) =>
            {
                http.Audit().ResourceId = medicineId.ToString();
                var result = await screening.MarkEnteredInErrorAsync(patient.Record, medicineId, request, user.UserId()!.Value, clock.GetUtcNow(), ct);
                return result.Outcome.Succeeded ? TypedResults.Ok(new MedicineChangeResponse(result.Medicine!, result.Change!)) : result.Outcome.ToProblem();
            })
            .WithSummary("Mark a medicine entered in error (reason, confirm: true, concurrencyStamp). It stays listed (status=all), is counted by " +
                "no rule, and the screen re-runs as for a stop. Cannot be undone.")
            .Audited("medicine.entered-in-error", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        app.MapGet("/api/medicine-catalogue", (string? q) =>
                TypedResults.Ok(new MedicineCatalogueView(
                    MedicineCatalogue.Default.Search(q, 20).Select(e => new CatalogueEntryView(e.Name, e.Aliases, e.Classes, e.InClassCatalogue,
                        e.InClassCatalogue ? "Screened by its classes." : "Not in the class catalogue: screens as No data until its classes are recorded.",
                        e.Sources.Select(InteractionSources.Contains).Zip(e.Sources).Select(x => x.First ? InteractionSources.Get(x.Second).Citation : x.Second).ToList())).ToList(),
                    MedicineCatalogue.Default.Units.Select(u => new CatalogueChoiceView(u.Id, u.Name)).ToList(),
                    MedicineCatalogue.Default.Routes.Select(r => new CatalogueChoiceView(r.Id, r.Name)).ToList(),
                    MedicineCatalogue.Default.AsOf)))
            .WithTags("Medicines")
            .WithSummary("Search the local medicine catalogue by name or alias (?q=, up to 20: names starting with it first); with the dose units and routes " +
                "the medicine list accepts. Knowledge only: no patient data, no dose.")
            .Audited("medicine-catalogue.search", "MedicineCatalogue").RequireAuthorization(Policies.Clinical);

        return app;
    }
}

public sealed record MedicineChangeResponse(MedicineView Medicine, MedicineChange Change);

public sealed record MedicineEditResponse(MedicineView Medicine, MedicineChange? Change, MedicineEditView? Edit);

public sealed record CatalogueEntryView(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Classes, bool InClassCatalogue, string Screening,
    IReadOnlyList<string> Sources);

public sealed record CatalogueChoiceView(string Id, string Name);

public sealed record MedicineCatalogueView(IReadOnlyList<CatalogueEntryView> Items, IReadOnlyList<CatalogueChoiceView> Units,
    IReadOnlyList<CatalogueChoiceView> Routes, string AsOf);
