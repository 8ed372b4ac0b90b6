using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Reminders;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Reminders;

/// <summary>A patient's reminder choices as shown and sent: quiet hours ("HH:mm", both or neither) and the kinds wanted.</summary>
public sealed record ReminderSettingsView(string? QuietFrom, string? QuietUntil, bool CheckIn, bool Activities, bool Appointments = true);

/// <summary>One outbox row for staff: who (record id and name, staff of the clinic only), what kind, how, its state.</summary>
public sealed record OutboxView(Guid Id, Guid PatientId, string PatientName, string Kind, string Transport, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>Reminder preferences (the patient's own) and the outbox (staff of the clinic).</summary>
public sealed class ReminderSettingsService(SpeciosaDbContext db, TimeProvider clock)
{
    public async Task<ReminderSettingsView> GetAsync(Patient patient, CancellationToken ct)
    {
        var s = await db.ReminderSettings.AsNoTracking().FirstOrDefaultAsync(x => x.PatientId == patient.Id, ct);
        return s is null ? new ReminderSettingsView(null, null, true, true) : new ReminderSettingsView(s.QuietFrom, s.QuietUntil, s.CheckIn, s.Activities, s.Appointments);
    }

    public async Task<Outcome> SaveAsync(Patient patient, ReminderSettingsView request, CancellationToken ct)
    {
        var from = string.IsNullOrWhiteSpace(request.QuietFrom) ? null : request.QuietFrom.Trim();
        var until = string.IsNullOrWhiteSpace(request.QuietUntil) ? null : request.QuietUntil.Trim();
        if (!QuietHours.TryParse(from, until, out _))
        {
            var errors = new Dictionary<string, string[]>();
            const string both = "Give both times of your quiet hours (24-hour clock, like 22:00 and 07:00), or leave both empty.";
            if (from is null || !TimeOnly.TryParseExact(from, "HH:mm", out _))
            {
                errors["quietFrom"] = [both];
            }

            if (until is null || !TimeOnly.TryParseExact(until, "HH:mm", out _))
            {
                errors["quietUntil"] = [both];
            }

            return Outcome.Invalid(errors);
        }

        var s = await db.ReminderSettings.FirstOrDefaultAsync(x => x.PatientId == patient.Id, ct);
        if (s is null)
        {
            s = new ReminderSetting { PatientId = patient.Id };
            db.ReminderSettings.Add(s);
        }

        (s.QuietFrom, s.QuietUntil, s.CheckIn, s.Activities, s.UpdatedAt) = (from, until, request.CheckIn, request.Activities, clock.GetUtcNow());
        s.Appointments = request.Appointments;
        await db.SaveChangesAsync(ct);
        return Outcome.Done;
    }

    /// <summary>The outbox of the caller's clinic, newest first (at most 200), optionally one status.</summary>
    public async Task<IReadOnlyList<OutboxView>> OutboxAsync(ClaimsPrincipal user, string? status, CancellationToken ct)
    {
        var clinicId = user.ClinicIdOf();
        var rows = db.ReminderOutbox.AsNoTracking().Where(r => r.ClinicId == clinicId);
        if (!string.IsNullOrEmpty(status))
        {
            rows = rows.Where(r => r.Status == status);
        }

        var list = await rows.OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct);
        var ids = list.Select(r => r.PatientId).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().VisibleTo(user).Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        return list.Where(r => names.ContainsKey(r.PatientId)).Select(r => new OutboxView(r.Id, r.PatientId, names[r.PatientId], r.Kind, r.Transport, r.Status,
            r.Attempts, r.CreatedAt, r.NextAttemptAt, r.SentAt, r.LastError)).ToList();
    }
}
