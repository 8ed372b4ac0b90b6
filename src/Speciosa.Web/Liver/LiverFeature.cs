using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Liver;

/// <summary>Liver tests (form, JSON and CSV), their grading and alerts, the monitoring schedule, and RUCAM.</summary>
public sealed class LiverFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LiverSettings>();
        services.AddScoped<LiverReview>();
        services.AddScoped<Patients.IPatientSummarySection, LiverSummarySection>();
        services.AddScoped<IRegimenChangedHandler>(sp => sp.GetRequiredService<LiverReview>());
        services.AddScoped<ISafetyReview>(sp => sp.GetRequiredService<LiverReview>());
        services.AddScoped<LabRecords>();
        services.AddScoped<RucamReview>();
        services.AddScoped<KratomHistoryRecords>();
        services.AddScoped<Components.Home.IHomeTile, LiverHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapLabEndpoints();
}
