using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Appointments;
using Speciosa.Clinical.CarePlans;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Appointments;

/// <summary>A booking as the API and the page send it: the clinic-local day and time, how long, the kind, with whom, how and where,
/// notes for staff.</summary>
public sealed record AppointmentRequest(string? Day, string? Time, int? DurationMinutes, string? Kind, string? WithWhom, string? Mode,
    string? Location, string? Notes);

/// <summary>A cancellation: why (required), and the appointment's concurrency stamp as read.</summary>
public sealed record CancelAppointmentRequest(string? Reason, Guid? ConcurrencyStamp);

/// <summary>One appointment as shown: times in the clinic's zone and in words; staff also see notes and who booked or cancelled.</summary>
public sealed record AppointmentView(Guid Id, DateTimeOffset StartsAt, string Day, string Time, string When, int DurationMinutes, string Kind,
    string KindInWords, string WithWhom, string Mode, string ModeInWords, string? Location, string? Notes, bool Cancelled, string? CancelReason,
    DateTimeOffset? CancelledAt, bool Over, Guid ConcurrencyStamp);

public sealed record AppointmentWriteResult(Outcome Outcome, AppointmentView? Appointment = null);

/// <summary>Booking and cancelling a patient's appointments (issue 14 item 2), each write one save the request's audit row commits
/// with (<see cref="Audit.AuditedWrites"/>); the rules are the core's <see cref="AppointmentRules"/>.</summary>
public sealed class AppointmentRecords(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock)
{
    /// <summary>Coming appointments first (soonest first), then past and cancelled ones (newest first), at most 100.</summary>
    public async Task<IReadOnlyList<AppointmentView>> ListAsync(Patient patient, bool staff, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var rows = await db.Appointments.AsNoTracking().Where(a => a.PatientId == patient.Id).OrderByDescending(a => a.StartsAt).Take(100).ToListAsync(ct);
        var views = rows.Select(a => View(a, zone, now, staff)).ToList();
        return views.Where(v => !v.Cancelled && !v.Over).OrderBy(v => v.StartsAt)
            .Concat(views.Where(v => v.Cancelled || v.Over)).ToList();
    }

    /// <summary>The patient's appointments on the clinic day <paramref name="day"/>, not cancelled, in time order.</summary>
    public async Task<IReadOnlyList<AppointmentView>> OnDayAsync(Patient patient, ClinicZone zone, DateOnly day, CancellationToken ct)
    {
        var from = CarePlanSchedule.InstantOf(day, TimeOnly.MinValue, zone.Zone).ToUniversalTime();
        var until = CarePlanSchedule.InstantOf(day.AddDays(1), TimeOnly.MinValue, zone.Zone).ToUniversalTime();
        var now = clock.GetUtcNow();
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patient.Id && a.CancelledAt == null && a.StartsAt >= from && a.StartsAt < until)
            .OrderBy(a => a.StartsAt).ToListAsync(ct);
        return rows.Select(a => View(a, zone, now, staff: false)).ToList();
    }

    /// <summary>Coming appointments not cancelled (for reminders), starting before <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<Appointment>> ComingAsync(Guid patientId, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.CancelledAt == null && a.StartsAt > now && a.StartsAt <= until)
            .OrderBy(a => a.StartsAt).ToListAsync(ct);

    public async Task<AppointmentWriteResult> BookAsync(Patient patient, AppointmentRequest request, Guid userId, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        var now = clock.GetUtcNow();
        var (checkedAppointment, errors) = AppointmentRules.Check(new AppointmentInput(request.Day, request.Time, request.DurationMinutes,
            request.Kind, request.WithWhom, request.Mode, request.Location, request.Notes), now, zone.Zone);
        if (checkedAppointment is not { } a)
        {
            return new(Outcome.Invalid(new Dictionary<string, string[]>(errors)));
        }

        var appointment = new Appointment
        {
            Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, StartsAt = a.StartsAt, DurationMinutes = a.DurationMinutes,
            Kind = a.Kind, WithWhom = a.WithWhom, Mode = a.Mode, Location = a.Location, Notes = a.Notes, BookedAt = now, BookedBy = userId,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        return new(Outcome.Done, View(appointment, zone, now, staff: true));
    }

    public async Task<AppointmentWriteResult> CancelAsync(Patient patient, Guid appointmentId, CancelAppointmentRequest request, Guid userId, CancellationToken ct)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId && a.PatientId == patient.Id, ct);
        if (appointment is null)
        {
            return new(Outcome.NotFound);
        }

        var errors = new Dictionary<string, string[]>(AppointmentRules.CheckCancel(request.Reason));
        if (request.ConcurrencyStamp is null)
        {
            errors["concurrencyStamp"] = ["Send the concurrencyStamp of the appointment as you read it, so a change made since is not overwritten."];
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Invalid(errors));
        }

        if (appointment.ConcurrencyStamp != request.ConcurrencyStamp)
        {
            return new(Outcome.Stale("The appointment changed since you read it; reload it and decide again."));
        }

        var now = clock.GetUtcNow();
        if (appointment.CancelledAt is not null)
        {
            return new(Outcome.Conflict("This appointment is cancelled already."));
        }

        if (AppointmentRules.IsOver(appointment.StartsAt, appointment.DurationMinutes, now))
        {
            return new(Outcome.Conflict("This appointment is over; it cannot be cancelled."));
        }

        db.Entry(appointment).Property(a => a.ConcurrencyStamp).OriginalValue = request.ConcurrencyStamp!.Value;
        appointment.CancelledAt = now;
        appointment.CancelledBy = userId;
        appointment.CancelReason = request.Reason!.Trim();
        appointment.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(Outcome.Stale("The appointment changed since you read it; reload it and decide again."));
        }

        var zone = await calendar.ZoneAsync(patient.ClinicId, ct);
        return new(Outcome.Done, View(appointment, zone, now, staff: true));
    }

    public static AppointmentView View(Appointment a, ClinicZone zone, DateTimeOffset now, bool staff)
    {
        var local = TimeZoneInfo.ConvertTime(a.StartsAt, zone.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return new AppointmentView(a.Id, a.StartsAt, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            local.ToString("dddd d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture), a.DurationMinutes, a.Kind,
            AppointmentKinds.InWords(a.Kind), a.WithWhom, a.Mode, AppointmentModes.InWords(a.Mode), a.Location, staff ? a.Notes : null,
            a.CancelledAt is not null, a.CancelReason, a.CancelledAt, AppointmentRules.IsOver(a.StartsAt, a.DurationMinutes, now), a.ConcurrencyStamp);
    }
}
