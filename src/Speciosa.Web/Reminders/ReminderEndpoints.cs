using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Portal;

namespace Speciosa.Web.Reminders;

public static class ReminderEndpoints
{
    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/portal/reminder-settings", async Task<Results<Ok<ReminderSettingsView>, ProblemHttpResult>> (
                ClaimsPrincipal user, PortalAccess portal, ReminderSettingsService settings, HttpContext http, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                http.Audit().PatientId = patient.Id;
                return TypedResults.Ok(await settings.GetAsync(patient, ct));
            })
            .WithTags("Reminders").WithSummary("A patient's own reminder settings: quiet hours (quietFrom, quietUntil, clinic-local HH:mm) and the kinds wanted (checkIn, activities).")
            .Audited("reminders.settings-read", "ReminderSetting").RequireAuthorization(Policies.PatientRecords);

        app.MapPut("/api/portal/reminder-settings", async Task<Results<NoContent, ProblemHttpResult>> (
                ReminderSettingsView request, ClaimsPrincipal user, PortalAccess portal, ReminderSettingsService settings, HttpContext http, CancellationToken ct) =>
            {
                if (await portal.OwnRecordAsync(user, ct) is not { } patient)
                {
                    return Outcome.NotFound.ToProblem();
                }

                http.Audit().PatientId = patient.Id;
                var outcome = await settings.SaveAsync(patient, request, ct);
                return outcome.Succeeded ? TypedResults.NoContent() : outcome.ToProblem();
            })
            .WithTags("Reminders").WithSummary("Set quiet hours (both times or neither; from later than until spans midnight) and opt out per kind (checkIn, activities: false).")
            .Audited("reminders.settings", "ReminderSetting").RequireAuthorization(Policies.PatientRecords);

        app.MapGet("/api/reminders/outbox", async Task<Ok<IReadOnlyList<OutboxView>>> (ClaimsPrincipal user, string? status, ReminderSettingsService settings, HttpContext http, CancellationToken ct) =>
            {
                var rows = await settings.OutboxAsync(user, status, ct);
                http.Audit().Showed(rows.Select(r => r.PatientId));
                return TypedResults.Ok(rows);
            })
            .WithTags("Reminders").WithSummary("The clinic's reminder outbox, newest first (200): kind, transport (in-app, email), status (queued, sent, failed), attempts, next retry and the last error.")
            .Audited("reminders.outbox", "ReminderOutboxEntry").RequireAuthorization(Policies.Clinical);

        return app;
    }
}
