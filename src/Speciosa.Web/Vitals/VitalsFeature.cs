using Speciosa.Web.Alerts;
using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Vitals;

/// <summary>Vital signs and sedation (POSS), ECGs with QTc, and seizure-risk flags. Reads the medicine list through
/// Medicines' seam and COWS pulses through Withdrawal's (issue 13 parts 3, 6 and 9).</summary>
public sealed class VitalsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<VitalsOptions>(configuration.GetSection(VitalsOptions.Section));
        services.AddScoped<VitalRecords>();
        services.AddScoped<ISafetyReview, VitalsReview>();
        services.AddScoped<Medicines.IMedicineListChangedHandler, EcgPromptOnMedicineChange>();
        services.AddScoped<IPatientOverviewSection, VitalsOverviewSection>();
        services.AddScoped<Components.Home.IHomeTile, VitalsHomeTile>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapVitalEndpoints();
}
