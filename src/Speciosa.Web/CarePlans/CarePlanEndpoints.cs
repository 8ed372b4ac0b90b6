using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.CarePlans;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.CarePlans;

public static class CarePlanEndpoints
{
    public static IEndpointRouteBuilder MapCarePlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope("/care-plan").WithTags("CarePlans");

        group.MapGet("/", async Task<Ok<CarePlanView>> (VisiblePatient patient, ClaimsPrincipal user, CarePlanRecords plans, CancellationToken ct) =>
                TypedResults.Ok(await plans.ViewAsync(patient.Record, user.IsCareStaff(), ct)))
            .WithSummary("The patient's care plan: the current activities (kind, title, days, times, goal, notes) and adherence per week and activity " +
                "(due occurrences whose time has come against those done or attended; 'not applicable' when nothing was due). Staff also get the " +
                "version history (who, when, why), what was recorded and the occurrences still open. A patient reads their own.")
            .Audited("care-plan.read", "CarePlan").RequireAuthorization(Policies.PatientRecords);

        group.MapPut("/", async Task<Results<Ok<CarePlanWriteResult>, ProblemHttpResult>> (
                VisiblePatient patient, CarePlanRequest request, ClaimsPrincipal user, HttpContext http, CarePlanRecords plans, CancellationToken ct) =>
            {
                var result = await plans.SaveAsync(patient.Record, request, user.UserId()!.Value, ct);
                if (!result.Outcome.Succeeded)
                {
                    return result.Outcome.ToProblem();
                }

                http.Audit().ResourceId = result.Id.ToString();
                return TypedResults.Ok(result);
            })
            .WithSummary("A new version of the plan: activities (each kind from /api/care-plan/activity-kinds, title, days Monday..Sunday, times " +
                "'HH:mm', goal, notes; keep an activity's id to change it, leave it out to remove it), reason (required), concurrencyStamp (the plan's, " +
                "as read; none for the first version). 400 names each field; a stale stamp is 409 stale-write.")
            .Audited("care-plan.save", "CarePlanVersion").RequireAuthorization(Policies.Clinical);

        group.MapPost("/records", async Task<Results<Created<CarePlanWriteResult>, ProblemHttpResult>> (
                VisiblePatient patient, ActivityRecordRequest request, ClaimsPrincipal user, HttpContext http, CarePlanRecords plans, CancellationToken ct) =>
            {
                var result = await plans.RecordAsync(patient.Record, request, user.UserId()!.Value, !user.IsCareStaff(), ct);
                if (!result.Outcome.Succeeded)
                {
                    return result.Outcome.ToProblem();
                }

                http.Audit().ResourceId = result.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/care-plan", result);
            })
            .WithSummary("Record one occurrence (activityId, day yyyy-MM-dd, time HH:mm as scheduled; today or the 6 days before). A patient: outcome " +
                "'done' with rating 1-5 and an optional note (marked patient-reported). Staff: 'attended', or 'missed' with a reason. Once per occurrence (409).")
            .Idempotent()
            .Audited("care-plan.record", "CarePlanActivityRecord").RequireAuthorization(Policies.PatientRecords);

        app.MapGet("/api/care-plan/activity-kinds", () => TypedResults.Ok(ActivityCatalogue.Default))
            .WithTags("CarePlans").WithSummary("The catalogue of care-plan activity kinds, with plain-language descriptions and sources.")
            .Audited("care-plan.kinds", "CarePlan").RequireAuthorization(Policies.PatientRecords);

        return app;
    }
}
