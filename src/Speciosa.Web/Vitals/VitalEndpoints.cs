using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Vitals;

public static class VitalEndpoints
{
    public static IEndpointRouteBuilder MapVitalEndpoints(this IEndpointRouteBuilder app)
    {
        var vitals = app.MapPatientScope("/vitals").WithTags("Vitals");

        vitals.MapGet("/", async Task<Results<Ok<ListPage<VitalSignsView>>, ValidationProblem>> (
                VisiblePatient patient, [AsParameters] PageRequest paging, VitalRecords records, CancellationToken ct) =>
            {
                var errors = paging.Check();
                return errors.Count > 0 ? ProblemResponses.Invalid(errors) : TypedResults.Ok(await records.ListAsync(patient.Id, paging.OrSize(50), ct));
            })
            .WithSummary("Vital signs, newest first (heart rate /min, blood pressure mm[Hg], respiratory rate /min, SpO2 %, temperature Cel, POSS level).")
            .Audited("vitals.list", "VitalSignSet").RequireAuthorization(Policies.Clinical);

        vitals.MapGet("/trend", async Task<Ok<VitalsTrend>> (VisiblePatient patient, VitalRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.TrendAsync(patient.Id, ct)))
            .WithSummary("Every observation as a trend point, oldest first; COWS resting pulses not shared with a set are heart-rate points of their own.")
            .Audited("vitals.trend", "VitalSignSet").RequireAuthorization(Policies.Clinical);

        vitals.MapPost("/", async Task<Results<Created<VitalsRecorded>, ProblemHttpResult>> (
                VisiblePatient patient, VitalsRequest request, ClaimsPrincipal user, HttpContext http, VitalRecords records,
                TimeProvider clock, CancellationToken ct) =>
            {
                var result = await records.RecordVitalsAsync(patient.Record, request, user.UserId()!.Value, clock.GetUtcNow(), ct);
                if (result.Recorded is not { } recorded)
                {
                    return result.Outcome.ToProblem();
                }

                http.Audit().ResourceId = recorded.Vitals.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/vitals", recorded);
            })
            .WithSummary("Record vital signs and POSS (any subset, at least one; 400 naming the field and its range). With cowsAssessmentId the heart " +
                "rate is that COWS resting pulse. POSS 3–4, a respiratory rate or SpO2 below the clinic's threshold alert in the same save (High), " +
                "Critical with a benzodiazepine, gabapentinoid or alcohol on the medicine list.")
            .Idempotent()
            .Audited("vitals.create", "VitalSignSet").RequireAuthorization(Policies.Clinical);

        var ecgs = app.MapPatientScope("/ecgs").WithTags("Vitals");

        ecgs.MapGet("/", async Task<Ok<HeartView>> (VisiblePatient patient, VitalRecords records, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await records.HeartAsync(patient.Id, clock.GetUtcNow(), ct)))
            .WithSummary("ECGs newest first with their QTc verdict (Krantz 2009: > 450 ms discuss, > 500 ms act), the QT-prolonging medicines on the list and whether an ECG is needed.")
            .Audited("ecg.list", "Ecg").RequireAuthorization(Policies.Clinical);

        ecgs.MapPost("/", async Task<Results<Created<EcgRecorded>, ProblemHttpResult>> (
                VisiblePatient patient, EcgRequest request, ClaimsPrincipal user, HttpContext http, VitalRecords records,
                TimeProvider clock, CancellationToken ct) =>
            {
                var result = await records.RecordEcgAsync(patient.Record, request, user.UserId()!.Value, clock.GetUtcNow(), ct);
                if (result.Recorded is not { } recorded)
                {
                    return result.Outcome.ToProblem();
                }

                http.Audit().ResourceId = recorded.Ecg.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/ecgs", recorded);
            })
            .WithSummary("Record an ECG: QTc in ms as given and its correction formula (bazett, fridericia, framingham, hodges, unstated). The QTc " +
                "rules are judged on the newest ECG and the ECG prompt re-evaluated in the same save.")
            .Idempotent()
            .Audited("ecg.create", "Ecg").RequireAuthorization(Policies.Clinical);

        app.MapPatientScope("/seizure-risk").WithTags("Vitals")
            .MapGet("/", async Task<Ok<SeizureRiskView>> (VisiblePatient patient, VitalRecords records, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await records.SeizureRiskAsync(patient.Id, clock.GetUtcNow(), ct)))
            .WithSummary("Seizure-risk flags from the medicine list (bupropion, tramadol, 7-OH products, alcohol or benzodiazepines, stimulants) " +
                "and from high intake (at or above the clinic's Vitals:HighIntakeMitragynineMgPerDay; none without it), with their sources.")
            .Audited("seizure-risk.read", "PatientMedicine").RequireAuthorization(Policies.Clinical);

        return app;
    }
}
