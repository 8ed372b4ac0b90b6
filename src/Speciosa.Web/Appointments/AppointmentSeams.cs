using Speciosa.Clinical.Appointments;
using Speciosa.Clinical.Portal;
using Speciosa.Clinical.Reminders;
using Speciosa.Web.Appointments.Pages;
using Speciosa.Web.Clinics;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;
using Speciosa.Web.Reminders;

namespace Speciosa.Web.Appointments;

/// <summary>The patient's appointments on their Today (after the care plan's activities): what, when, with whom, how and where;
/// one tap opens their list of appointments. Done once it is over.</summary>
public sealed class AppointmentTodayItems(AppointmentRecords records, TimeProvider clock) : ITodayItems
{
    public const string ListPath = "/my/appointments";

    public int Order => 20;

    public async Task<IReadOnlyList<TodayLine>> ForAsync(Patient patient, ClinicZone zone, DateOnly day, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return (await records.OnDayAsync(patient, zone, day, ct)).Select(a => new TodayLine(TodayKind.Appointment,
            $"{a.KindInWords} at {a.Time} with {a.WithWhom}", ListPath, a.Over,
            a.Over ? "Over" : $"{a.ModeInWords}{(a.Location is { } where ? ", " + where : "")}", $"appointment-{a.Id:N}")).ToList();
    }
}

/// <summary>Coming appointments on the staff overview (order 17, after the care plan): the next few and a link to book or cancel.</summary>
public sealed class AppointmentOverviewSection(AppointmentRecords records) : IPatientOverviewSection
{
    public int Order => 17;

    public async Task<OverviewSection?> LoadAsync(PatientOverviewContext context, CancellationToken ct)
    {
        if (!context.Staff)
        {
            return null;
        }

        var coming = (await records.ListAsync(context.Patient, staff: true, ct)).Where(a => !a.Cancelled && !a.Over).Take(5).ToList();
        return new(typeof(AppointmentSection), new Dictionary<string, object?>
        {
            [nameof(AppointmentSection.PatientId)] = context.Patient.Id,
            [nameof(AppointmentSection.Coming)] = coming,
        });
    }
}

/// <summary>Appointments for the notifier (Reminders' seam): one reminder per appointment, due a day before it starts (or when booked
/// later than that), until it starts; never for a cancelled one.</summary>
public sealed class AppointmentReminders(AppointmentRecords records) : IReminderSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(Patient patient, ClinicZone zone, DateTimeOffset now, CancellationToken ct) =>
        (await records.ComingAsync(patient.Id, now, now + AppointmentRules.ReminderLead, ct))
            .Select(a => AppointmentRules.ReminderDueAt(a.StartsAt, a.BookedAt, now) is { } due
                ? new DueItem(ReminderKind.Appointment, AppointmentRules.ReminderKey(a.Id), due)
                : null)
            .OfType<DueItem>().ToList();
}
