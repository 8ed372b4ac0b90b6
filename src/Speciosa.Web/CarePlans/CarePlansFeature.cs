using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;

namespace Speciosa.Web.CarePlans;

/// <summary>Care plans (issue 14 item 5): versioned plans of activities around the regimen (counselling, groups, exercise,
/// mindfulness…), what the patient did and staff saw, and adherence. Contributes to Portal's Today (<see cref="ITodayItems"/>),
/// the staff review queue (<see cref="IReviewQueueSource"/>), the patient's progress (<see cref="IProgressSection"/>),
/// the overview and the printed summary; depends on Portal's seams only, and nothing but Reminders depends on it.</summary>
public sealed class CarePlansFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CarePlanRecords>();
        services.AddScoped<ITodayItems, CarePlanTodayItems>();
        services.AddScoped<IPatientOverviewSection, CarePlanOverviewSection>();
        services.AddScoped<IPatientSummarySection, CarePlanSummarySection>();
        services.AddScoped<IReviewQueueSource, CarePlanActivityReports>();
        services.AddScoped<IProgressSection, CarePlanProgressSection>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapCarePlanEndpoints();
}
