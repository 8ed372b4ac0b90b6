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
                string? severity = null, string? status = null, string? rule = null, Guid? patientId = null, Guid? assignedTo = null,
                Guid? careTeamOf = null) =>
            {
                var errors = AlertWorklist.CheckFilters(severity, status, paging);
                if (errors.Count > 0)
                {
                    return ProblemResponses.Invalid(errors);
                }

                var page = await worklist.ListAsync(user, new AlertFilter(severity, status, rule, patientId, assignedTo, careTeamOf), paging.OrSize(25), ct);
                http.Audit().Showed(page.Items.Select(a => a.PatientId));
                return TypedResults.Ok(page);
            })
            .WithSummary("Alerts of your clinic, most severe then newest first. Filters: severity (Info, Warning, High, Critical), " +
                "status (open by default, without alerts snoozed until later; acknowledged, resolved, active, snoozed, all), rule id, patientId, " +
                "assignedTo (a user id), careTeamOf (a user id: patients whose care team includes them); page from 1, pageSize up to 100.")
            .Audited("alert.list", "Alert").RequireAuthorization(Policies.Clinical);

        app.MapGet("/api/alerts.csv", async Task<IResult> (
                ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, Speciosa.Web.Clinics.ClinicCalendar calendar, TimeProvider clock,
                CancellationToken ct, string? severity = null, string? status = null, string? rule = null, Guid? patientId = null) =>
            {
                var errors = AlertWorklist.CheckFilters(severity, status, new PageRequest());
                if (errors.Count > 0)
                {
                    return ProblemResponses.Invalid(errors);
                }

                var zone = await calendar.ZoneAsync(user.ClinicIdOf(), ct);
                var alerts = await worklist.ListAsync(user, severity, status, rule, patientId, PageRequest.All, ct);
                http.Audit().Showed(alerts.Items.Select(a => a.PatientId));
                return CsvDownload.Of(http, AlertCsv(alerts.Items, zone), "alerts", zone.Today(clock.GetUtcNow()));
            })
            .WithTags("Alerts")
            .WithSummary("The worklist as CSV: every alert under the same filters as GET /api/alerts (severity, status, rule, patientId), " +
                "most severe then newest, with rule, inputs, threshold and source; times in the clinic's zone.")
            .Produces(StatusCodes.Status200OK, contentType: CsvDownload.ContentType)
            .Audited("alert.export", "Alert").RequireAuthorization(Policies.Clinical);

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

        group.MapPost("/acknowledge", (BulkAcknowledgeRequest request, ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, CancellationToken ct) =>
                AnswerAll(worklist.AcknowledgeAllAsync(user, request, AuditMiddleware.CorrelationId(http), ct), http, worklist, ct))
            .WithSummary("Acknowledge several open alerts with one note, all or nothing: each {id, concurrencyStamp} must be of your clinic, " +
                "open and unchanged (409 otherwise, and nothing is saved). Each alert gets its own audit row.")
            .Audited("alert.acknowledge-bulk", "Alert").RequireAuthorization(Policies.Clinical);

        group.MapPost("/snooze", (SnoozeRequest request, ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, CancellationToken ct) =>
                AnswerAll(worklist.SnoozeAsync(user, request, AuditMiddleware.CorrelationId(http), ct), http, worklist, ct))
            .WithSummary("Snooze open or acknowledged alerts until a later time (an instant with offset, at most 7 days ahead) with a reason, " +
                "all or nothing. They leave the open worklist and return to it at that time.")
            .Audited("alert.snooze-bulk", "Alert").RequireAuthorization(Policies.Clinical);

        group.MapPost("/assign", (AssignRequest request, ClaimsPrincipal user, HttpContext http, AlertWorklist worklist, CancellationToken ct) =>
                AnswerAll(worklist.AssignAsync(user, request, AuditMiddleware.CorrelationId(http), ct), http, worklist, ct))
            .WithSummary("Assign alerts to a clinician, nurse or administrator of your clinic (assigneeUserId; null unassigns), all or nothing.")
            .Audited("alert.assign-bulk", "Alert").RequireAuthorization(Policies.Clinical);

        group.MapGet("/assignees", async (ClaimsPrincipal user, AlertWorklist worklist, CancellationToken ct) =>
                TypedResults.Ok(await worklist.AssigneesAsync(user, ct)))
            .WithSummary("The people alerts can be assigned to: active clinicians, nurses and administrators of your clinic.")
            .Audited("alert.assignees", "User").RequireAuthorization(Policies.Clinical);

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

    private static async Task<Results<Ok<IReadOnlyList<AlertDetail>>, ValidationProblem, ProblemHttpResult>> AnswerAll(
        Task<(Outcome Outcome, IReadOnlyList<RaisedAlert> Alerts)> pending, HttpContext http, AlertWorklist worklist, CancellationToken ct)
    {
        var (outcome, alerts) = await pending;
        http.Audit().ResourceId = $"alerts={alerts.Count}";
        if (alerts.Select(a => a.PatientId).Distinct().Count() == 1)
        {
            http.Audit().PatientId = alerts[0].PatientId;
        }

        return outcome.Succeeded ? TypedResults.Ok(await worklist.DetailsAsync(alerts, ct)) : outcome.ToProblem();
    }

    /// <summary>The worklist's cards as CSV rows, in the worklist's order.</summary>
    public static CsvWriter AlertCsv(IReadOnlyList<AlertDetail> alerts, Speciosa.Web.Clinics.ClinicZone zone)
    {
        var csv = new CsvWriter().Header($"raised_at ({zone.Id})", "severity", "status", "patient", "patient_record_id", "rule_id", "rule_version",
            "message", "inputs", "threshold", "source", "source_url", $"acknowledged_at ({zone.Id})", "acknowledged_by", "acknowledgement_note",
            $"resolved_at ({zone.Id})", "resolved_by", "resolution_reason");
        foreach (var a in alerts)
        {
            csv.Row(zone.Local(a.RaisedAt), a.Severity, a.Status, a.PatientName, a.PatientId, a.RuleId, a.RuleVersion, a.Message,
                string.Join("; ", a.Inputs.Select(i => $"{i.Name}: {i.Value}")), a.Threshold, a.SourceCitation, a.SourceUrl,
                a.AcknowledgedAt is { } ack ? zone.Local(ack) : null, a.AcknowledgedBy, a.AcknowledgementNote,
                a.ResolvedAt is { } res ? zone.Local(res) : null, a.ResolvedAutomatically ? "automatically" : a.ResolvedBy, a.ResolutionReason);
        }

        return csv;
    }
}
