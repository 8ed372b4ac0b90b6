using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Safety;

/// <summary>Adverse events and the pregnancy, breastfeeding and conception review.</summary>
public sealed class SafetyFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PregnancyReview>();
        services.AddScoped<IPatientSavedHandler>(sp => sp.GetRequiredService<PregnancyReview>());
        services.AddScoped<IRegimenChangedHandler>(sp => sp.GetRequiredService<PregnancyReview>());
        services.AddScoped<ISafetyReview>(sp => sp.GetRequiredService<PregnancyReview>());
        services.AddScoped<AdverseEvents>();
        services.AddScoped<IPatientOverviewSection, SafetyOverviewSection>();
        services.AddScoped<IPatientBannerFact, PregnancyBannerFact>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapAdverseEventEndpoints().MapSafetyDocuments();
}
