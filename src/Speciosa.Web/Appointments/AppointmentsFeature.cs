using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;
using Speciosa.Web.Reminders;

namespace Speciosa.Web.Appointments;

/// <summary>Appointments (issue 14 item 2): staff book a patient's appointment and cancel it with a reason; it shows on the staff
/// overview (<see cref="IPatientOverviewSection"/>), on the patient's Today (Portal's <see cref="ITodayItems"/>) and produces a
/// reminder a day before through the notifier (Reminders' <see cref="IReminderSource"/>). Nothing depends on it.</summary>
public sealed class AppointmentsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AppointmentRecords>();
        services.AddScoped<ITodayItems, AppointmentTodayItems>();
        services.AddScoped<IPatientOverviewSection, AppointmentOverviewSection>();
        services.AddScoped<IReminderSource, AppointmentReminders>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapAppointmentEndpoints();
}
