using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The registry of kratom's legal status by place, and the legal decision other features ask for.</summary>
public sealed class JurisdictionsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JurisdictionOptions>(configuration.GetSection(JurisdictionOptions.Section));
        services.AddScoped<JurisdictionRegistry>();
        services.AddScoped<RegistryChangeImpact>();
        services.AddScoped<Components.Home.IHomeTile, RegistryHomeTile>();
        services.AddScoped<IJurisdictionRegistryChangeHandler, PatientLegalStatusAlerts>();
        services.AddScoped<LegalCheck>();
        services.AddSingleton<Patients.IPlaceChoices, JurisdictionPlaceChoices>();
        services.AddScoped<IPatientOverviewSection, LegalStatusOverviewSection>();
        services.AddScoped<IPatientBannerFact, LegalStatusBannerFact>();
        services.AddScoped<IEnrolmentCheck, EnrolmentLegalCheck>();
        services.AddScoped<PatientLegalStatusReview>();
        services.AddScoped<IPatientSavedHandler>(sp => sp.GetRequiredService<PatientLegalStatusReview>());
        services.AddScoped<ISafetyReview>(sp => sp.GetRequiredService<PatientLegalStatusReview>());
    }

    public void Map(IEndpointRouteBuilder app) => app.MapJurisdictionEndpoints();
}
