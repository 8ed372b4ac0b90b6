using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>/api/alerts: the clinic worklist (filters severity, status, rule, patient; paged), acknowledge and resolve.</summary>
public static class AlertEndpoints
{
    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").WithTags("Alerts");

        group.MapGet("/", async Task<Results<Ok<ListPage<AlertDetail>>, ValidationProblem>> (
                ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, [AsParameters] PageRequest paging, CancellationToken ct,
                string? severity = null, string? status = null, string? rule = null, Guid? patientId = null) =>
            {
                var errors = AlertWorklist.CheckFilters(severity, status, paging);
                if (errors.Count > 0)
                {
                    return ProblemResponses.Invalid(errors);
                }

                var page = await worklist.ListAsync(user, severity, status, rule, patientId, paging.OrSize(25), ct);
                http.Audit().Showed(page.Items.Select(a => a.PatientId));
                return TypedResults.Ok(page);
            })
            .WithSummary("Alerts of your clinic, most severe then newest first. Filters: severity (Info, Warning, High, Critical), " +
                "status (open by default; acknowledged, resolved, active, all), rule id, patientId; page from 1, pageSize up to 100.")
            .Audited("alert.list", "Alert").RequireAuthorization(Policies.Clinical);

        group.MapGet("/{alertId:guid}", async Task<Results<Ok<AlertDetail>, ProblemHttpResult>> (
                Guid alertId, ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, CancellationToken ct) =>
            {
                if (await worklist.FindAsync(user, alertId, ct) is not { } alert)
                {
                    return ProblemResponses.Problem(StatusCodes.Status404NotFound);
                }

                http.Audit().PatientId = alert.PatientId;
                http.Audit().ResourceId = alert.Id.ToString();
                return TypedResults.Ok(alert);
            })
            .WithSummary("One alert with its rule, inputs, threshold, source and lifecycle.")
            .Audited("alert.read", "Alert").RequireAuthorization(Policies.Clinical);

        group.MapPost("/{alertId:guid}/acknowledge", Task<Results<Ok<AlertDetail>, ValidationProblem, ProblemHttpResult>> (
                Guid alertId, AcknowledgeRequest request, ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, CancellationToken ct) =>
                Answer(worklist.AcknowledgeAsync(user, alertId, request, ct), http, worklist, ct))
            .WithSummary("Acknowledge an open alert with a note (you are recorded as the one who did). Send the concurrencyStamp you read; 409 when it changed.")
            .Audited("alert.acknowledge", "Alert").RequireAuthorization(Policies.Clinical);

        group.MapPost("/{alertId:guid}/resolve", Task<Results<Ok<AlertDetail>, ValidationProblem, ProblemHttpResult>> (
                Guid alertId, ResolveRequest request, ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, CancellationToken ct) =>
                Answer(worklist.ResolveAsync(user, alertId, request, ct), http, worklist, ct))
            .WithSummary("Resolve an open or acknowledged alert by hand, with a reason.")
            .Audited("alert.resolve", "Alert").RequireAuthorization(Policies.Clinical);

        app.MapPatientScope().WithTags("Alerts").MapGet("/alerts", async Task<Results<Ok<IReadOnlyList<AlertView>>, ValidationProblem, ProblemHttpResult>> (
                VisiblePatient patient, SpeciosaDbContext db, CancellationToken ct,
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

    private static async Task<Results<Ok<AlertDetail>, ValidationProblem, ProblemHttpResult>> Answer(
        Task<(Outcome Outcome, RaisedAlert? Alert)> pending, HttpContext http, AlertWorklist worklist, CancellationToken ct)
    {
        var (outcome, alert) = await pending;
        if (alert is not null)
        {
            http.Audit().PatientId = alert.PatientId;
            http.Audit().ResourceId = alert.Id.ToString();
        }

        return outcome.Succeeded ? TypedResults.Ok((await worklist.DetailsAsync([alert!], ct))[0]) : outcome.ToProblem();
    }
}
