using Microsoft.Extensions.DependencyInjection.Extensions;
using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>Regimen orders (titration, breaks, taper), the dose log, and who was exposed to a lot.</summary>
public sealed class RegimensFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DosingOptions>(configuration.GetSection(DosingOptions.Section));
        services.AddScoped<RegimenQueries>();
        services.AddScoped<RegimenLegal>();
        services.AddScoped<RegimenService>();
        services.AddScoped<JudgedGrams>();
        services.AddScoped<ISafetyReview, TitrationWatch>();
        services.AddScoped<PostTaperWatch>();
        services.AddScoped<ISafetyReview>(sp => sp.GetRequiredService<PostTaperWatch>());
        services.AddScoped<Speciosa.Web.Withdrawal.IAssessmentRecordedHandler>(sp => sp.GetRequiredService<PostTaperWatch>());
        services.AddScoped<IPatientOverviewSection, PostTaperOverviewSection>();
        services.AddScoped<IPatientOverviewSection, RegimenOverviewSection>();
        services.AddScoped<IPatientBannerFact, RegimenBannerFacts>();
        services.AddScoped<IPatientSummarySection, RegimenSummarySection>();
        services.AddScoped<DoseWatch>();
        services.AddScoped<ISafetyReview>(sp => sp.GetRequiredService<DoseWatch>());
        services.AddScoped<RegimenSafetyReview>();
        services.AddScoped<DoseLog>();
        services.AddScoped<LotExposure>();
        services.AddScoped<RecallsInProgress>();
        services.AddScoped<Components.Home.IHomeTile, RecallsHomeTile>();
        services.AddScoped<ILotRecallListener, RecallExposureAlerts>();
        services.TryAddScoped<IRegimenStatus, RegimenBackedStatus>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapRegimenEndpoints().MapRegimenDocuments();
}
