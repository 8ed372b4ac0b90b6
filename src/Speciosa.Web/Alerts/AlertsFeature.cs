using Speciosa.Web.Http;

namespace Speciosa.Web.Alerts;

/// <summary>Raised alerts (rule, inputs, threshold, source), the clinic worklist, acknowledge and resolve, and the
/// periodic safety sweep over every feature's <see cref="ISafetyReview"/>.</summary>
public sealed class AlertsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AlertWorklist>();
        services.AddScoped<AlertHomeCounts>();
        services.AddScoped<Components.Home.IHomeTile, OpenAlertsHomeTile>();
        services.AddScoped<SafetySweep>();
        services.AddScoped<Patients.IPatientSummarySection, OpenAlertsSummarySection>();
        services.AddScoped<Patients.IPatientBannerFact, OpenAlertsBannerFact>();
        services.AddHostedService<SafetyMonitor>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapAlertEndpoints();
}
