using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Portal;
using Speciosa.Clinical.Reminders;
using Speciosa.Web.CarePlans;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;

namespace Speciosa.Web.Reminders;

/// <summary>A seam of the notifier: a feature with something else coming up for a patient (Appointments) says what is due as
/// the core's <see cref="DueItem"/>s, each keyed once per occasion; the dispatcher applies the patient's choices and quiet hours
/// and puts them in the outbox like its own. The key names the occasion by record id only.</summary>
public interface IReminderSource
{
    Task<IReadOnlyList<DueItem>> DueAsync(Patient patient, ClinicZone zone, DateTimeOffset now, CancellationToken ct);
}

/// <summary>What one run did (counts only: never patient data in logs).</summary>
public sealed record ReminderRun(int Patients, int Queued, int Sent, int Retried, int Failed);

/// <summary>Reminder settings from configuration.</summary>
public sealed record ReminderOptions(TimeOnly CheckInTime, TimeSpan Interval, bool Enabled);

/// <summary>The notifier (issue 14 item 6). Each run (1) puts into the outbox a reminder for each due item of each patient with
/// portal access — the daily check-in not done by <c>Reminders:CheckInTime</c>, care-plan activities whose time has come — once
/// per occasion and transport, outside the patient's quiet hours and only of kinds they want (the core's
/// <see cref="ReminderRules"/>): in-app always (delivered by being listed on the patient's Today, so sent at once), e-mail when SMTP
/// is configured and the record has an address; (2) sends queued e-mail whose time has come, and on failure keeps the error,
/// counts the attempt and waits 1, 2, 4, 8 minutes, failing for good after five attempts.</summary>
public sealed class ReminderDispatcher(SpeciosaDbContext db, PortalToday today, CarePlanRecords plans, ClinicCalendar calendar,
    ReminderMail mail, ReminderOptions options, TimeProvider clock, IEnumerable<IReminderSource> sources)
{
    public const string InApp = "in-app";
    public const string Email = "email";

    public async Task<ReminderRun> RunOnceAsync(CancellationToken ct)
    {
        var (patients, queued) = await EnqueueAsync(ct);
        var (sent, retried, failed) = await DeliverAsync(ct);
        return new ReminderRun(patients, queued, sent, retried, failed);
    }

    private async Task<(int Patients, int Queued)> EnqueueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var withPortal = await db.Patients.AsNoTracking().Where(p => p.PortalUserId != null).ToListAsync(ct);
        var settings = await db.ReminderSettings.AsNoTracking().ToDictionaryAsync(s => s.PatientId, ct);
        var zones = new Dictionary<Guid, ClinicZone>();
        var queued = 0;
        foreach (var patient in withPortal)
        {
            if (!zones.TryGetValue(patient.ClinicId, out var zone))
            {
                zones[patient.ClinicId] = zone = await calendar.ZoneAsync(patient.ClinicId, ct);
            }

            var preferences = PreferencesOf(settings.GetValueOrDefault(patient.Id));
            var day = zone.Today(now);
            var (_, lines) = await today.ForAsync(patient, ct);
            var items = new List<DueItem>();
            if (ReminderRules.CheckIn(day, lines.Any(l => l.Kind == TodayKind.CheckIn && l.Done), options.CheckInTime, zone.Zone) is { } checkIn)
            {
                items.Add(checkIn);
            }

            items.AddRange(ReminderRules.Activities(await plans.DueOnAsync(patient, zone, day, ct)));
            foreach (var source in sources)
            {
                items.AddRange(await source.DueAsync(patient, zone, now, ct));
            }

            var due = ReminderRules.Due(items, preferences, now, zone.Zone);
            if (due.Count == 0)
            {
                continue;
            }

            var keys = due.Select(d => d.Key).ToList();
            var existing = (await db.ReminderOutbox.AsNoTracking().Where(r => r.PatientId == patient.Id && keys.Contains(r.Key))
                .Select(r => r.Key + "|" + r.Transport).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var email = mail.Configured ? await EmailOfAsync(patient, ct) : null;
            foreach (var reminder in due)
            {
                var kind = reminder.Kind switch { ReminderKind.CheckIn => "check-in", ReminderKind.Appointment => "appointment", _ => "activity" };
                if (existing.Add(reminder.Key + "|" + InApp))
                {
                    db.ReminderOutbox.Add(NewEntry(patient, kind, reminder.Key, InApp, "sent", now, sentAt: now));
                    queued++;
                }

                if (email is not null && existing.Add(reminder.Key + "|" + Email))
                {
                    db.ReminderOutbox.Add(NewEntry(patient, kind, reminder.Key, Email, "queued", now, nextAttempt: now));
                    queued++;
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance queued the same occasion at the same moment (the unique index): it is queued once.
                db.ChangeTracker.Clear();
            }
        }

        return (withPortal.Count, queued);
    }

    private static ReminderOutboxEntry NewEntry(Patient patient, string kind, string key, string transport, string status, DateTimeOffset now,
        DateTimeOffset? sentAt = null, DateTimeOffset? nextAttempt = null) => new()
    {
        Id = Guid.NewGuid(), ClinicId = patient.ClinicId, PatientId = patient.Id, Kind = kind, Key = key, Transport = transport, Status = status,
        CreatedAt = now, SentAt = sentAt, NextAttemptAt = nextAttempt, Attempts = sentAt is null ? 0 : 1,
    };

    private async Task<(int Sent, int Retried, int Failed)> DeliverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = await db.ReminderOutbox.Where(r => r.Status == "queued" && r.Transport == Email && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).Take(100).ToListAsync(ct);
        int sent = 0, retried = 0, failed = 0;
        foreach (var entry in batch)
        {
            entry.Attempts++;
            try
            {
                var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == entry.PatientId, ct);
                var to = await EmailOfAsync(patient, ct) ?? throw new InvalidOperationException("The record has no e-mail address any more.");
                if (!mail.Configured)
                {
                    throw new InvalidOperationException("SMTP is not configured (Reminders:Smtp:Host).");
                }

                await mail.SendAsync(to, ct);
                entry.Status = "sent";
                entry.SentAt = clock.GetUtcNow();
                entry.NextAttemptAt = null;
                entry.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var error = $"{ex.GetType().Name}: {ex.Message}";
                entry.LastError = error.Length > 500 ? error[..500] : error;
                if (ReminderRules.RetryAfter(entry.Attempts) is { } wait)
                {
                    entry.NextAttemptAt = now + wait;
                    retried++;
                }
                else
                {
                    entry.Status = "failed";
                    entry.NextAttemptAt = null;
                    failed++;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return (sent, retried, failed);
    }

    private async Task<string?> EmailOfAsync(Patient patient, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(patient.Email))
        {
            return patient.Email;
        }

        return patient.PortalUserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct) is { Length: > 0 } e ? e : null
            : null;
    }

    public static ReminderPreferences PreferencesOf(ReminderSetting? s) => s is null
        ? ReminderPreferences.Default
        : new ReminderPreferences(QuietHours.TryParse(s.QuietFrom, s.QuietUntil, out var q) ? q : null, s.CheckIn, s.Activities, s.Appointments);

    public static ReminderOptions Options(IConfiguration configuration)
    {
        var time = configuration["Reminders:CheckInTime"];
        var checkIn = string.IsNullOrWhiteSpace(time) ? new TimeOnly(9, 0)
            : TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : throw new InvalidOperationException("Reminders:CheckInTime is a 24-hour clock time like 09:00.");
        var seconds = configuration.GetValue("Reminders:IntervalSeconds", 60);
        if (seconds is < 5 or > 3600)
        {
            throw new InvalidOperationException("Reminders:IntervalSeconds is 5 to 3600.");
        }

        return new ReminderOptions(checkIn, TimeSpan.FromSeconds(seconds), configuration.GetValue("Reminders:Enabled", true));
    }
}

/// <summary>Runs the notifier every <c>Reminders:IntervalSeconds</c> (default 60) on the injected clock; off with
/// <c>Reminders:Enabled=false</c>. Only the instance holding the period's <see cref="JobLeases"/> lease sends.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ReminderOptions options, ILogger<ReminderJob> log) : BackgroundService
{
    public const string LeaseName = "reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var lease = options.Interval - TimeSpan.FromTicks(options.Interval.Ticks / 10);
        using var timer = new PeriodicTimer(options.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryClaimAsync(LeaseName, JobLeases.ThisInstance, lease, stoppingToken))
                {
                    continue;
                }

                var run = await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().RunOnceAsync(stoppingToken);
                if (run.Queued + run.Sent + run.Retried + run.Failed > 0)
                {
                    log.LogInformation("Reminders: {Patients} patients, {Queued} queued, {Sent} sent, {Retried} to retry, {Failed} failed.",
                        run.Patients, run.Queued, run.Sent, run.Retried, run.Failed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only: never patient data in the log.
                log.LogError("Reminders run failed: {Error}.", ex.GetType().Name);
            }
        }
    }
}
