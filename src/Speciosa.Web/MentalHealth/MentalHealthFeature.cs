using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.MentalHealth;

/// <summary>Mental health and diagnosis: PHQ-9, GAD-7 and AUDIT-C screenings (the withdrawal instruments' scorer), the PHQ-9
/// item-9 pathway with clinicians' safety assessments, and DSM-5 use-disorder checklists.</summary>
public sealed class MentalHealthFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MentalHealthOptions>();
        services.AddScoped<MentalHealthRecords>();
        services.AddScoped<MentalHealthQueries>();
        services.AddScoped<IPatientOverviewSection, MentalHealthOverviewSection>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapMentalHealthEndpoints();
}
