using Speciosa.Web.Http;
using Speciosa.Web.Patients;

namespace Speciosa.Web.DrugTesting;

/// <summary>Urine drug testing (issue 13 part 5): results by analyte and method, read against the medicine list (Medicines'
/// seam) and the kratom regimen (Regimens' seam); the unexpected-fentanyl alert. Depends on Medicines, so it comes before it.</summary>
public sealed class DrugTestingFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DrugTestRecords>();
        services.AddScoped<IPatientOverviewSection, DrugTestOverviewSection>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapDrugTestEndpoints();
}
