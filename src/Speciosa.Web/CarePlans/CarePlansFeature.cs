using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Portal;

namespace Speciosa.Web.CarePlans;

/// <summary>Care plans (issue 14 item 5): versioned plans of activities around the regimen (counselling, groups, exercise,
/// mindfulness…), what the patient did and staff saw, and adherence. Contributes to Portal's Today (<see cref="ITodayItems"/>),
/// the overview and the printed summary; depends on Portal's seam only, and nothing but Reminders depends on it.</summary>
public sealed class CarePlansFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CarePlanRecords>();
        services.AddScoped<ITodayItems, CarePlanTodayItems>();
        services.AddScoped<IPatientOverviewSection, CarePlanOverviewSection>();
        services.AddScoped<IPatientSummarySection, CarePlanSummarySection>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapCarePlanEndpoints();
}
