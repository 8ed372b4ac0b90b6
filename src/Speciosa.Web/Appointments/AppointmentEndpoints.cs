using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Speciosa.Clinical.Appointments;
using Speciosa.Web.Audit;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Appointments;

public static class AppointmentEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapPatientScope("/appointments").WithTags("Appointments");

        group.MapGet("/", async Task<Ok<IReadOnlyList<AppointmentView>>> (VisiblePatient patient, ClaimsPrincipal user, AppointmentRecords records, CancellationToken ct) =>
                TypedResults.Ok(await records.ListAsync(patient.Record, user.IsCareStaff(), ct)))
            .WithSummary("The patient's appointments: coming ones soonest first, then past and cancelled ones (with the reason). Times are the " +
                "clinic's (day, time, and the instant). Staff also get the notes. A patient reads their own.")
            .Audited("appointment.list", "Appointment").RequireAuthorization(Policies.PatientRecords);

        group.MapPost("/", async Task<Results<Created<AppointmentView>, ProblemHttpResult>> (
                VisiblePatient patient, AppointmentRequest request, ClaimsPrincipal user, HttpContext http, AppointmentRecords records, CancellationToken ct) =>
            {
                var result = await records.BookAsync(patient.Record, request, user.UserId()!.Value, ct);
                if (!result.Outcome.Succeeded)
                {
                    return result.Outcome.ToProblem();
                }

                http.Audit().ResourceId = result.Appointment!.Id.ToString();
                return TypedResults.Created($"/api/patients/{patient.Id}/appointments", result.Appointment);
            })
            .WithSummary("Book an appointment: day (yyyy-MM-dd) and time (HH:mm) in the clinic's time zone, later than now and at most " +
                $"{AppointmentRules.MaxDaysAhead} days ahead; durationMinutes {AppointmentRules.MinDuration}-{AppointmentRules.MaxDuration}; kind (" +
                string.Join(", ", AppointmentKinds.All.Keys) + "); withWhom; mode (in-person, phone, video); location (required in person); notes " +
                "(staff only). 400 names each field.")
            .Idempotent()
            .Audited("appointment.book", "Appointment").RequireAuthorization(Policies.Clinical);

        group.MapPost("/{appointmentId:guid}/cancel", async Task<Results<Ok<AppointmentView>, ProblemHttpResult>> (
                VisiblePatient patient, Guid appointmentId, CancelAppointmentRequest request, ClaimsPrincipal user, HttpContext http,
                AppointmentRecords records, CancellationToken ct) =>
            {
                http.Audit().ResourceId = appointmentId.ToString();
                var result = await records.CancelAsync(patient.Record, appointmentId, request, user.UserId()!.Value, ct);
                return result.Outcome.Succeeded ? TypedResults.Ok(result.Appointment!) : result.Outcome.ToProblem();
            })
            .WithSummary("Cancel an appointment: reason (required, kept with it) and concurrencyStamp as read (stale: 409 stale-write). " +
                "One already cancelled or over is 409; another patient's is 404.")
            .Audited("appointment.cancel", "Appointment").RequireAuthorization(Policies.Clinical);

        return app;
    }
}
