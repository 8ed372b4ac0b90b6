using Speciosa.Web.Http;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Medicines;

/// <summary>The patient's other medicines and their interaction screening against kratom.</summary>
public sealed class MedicinesFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MedicineScreeningService>();
        services.AddScoped<MedicineQueries>();
        services.AddScoped<Patients.IPatientSummarySection, MedicinesSummarySection>();
        services.AddScoped<IRegimenChangedHandler>(sp => sp.GetRequiredService<MedicineScreeningService>());
    }

    public void Map(IEndpointRouteBuilder app) => app.MapMedicineEndpoints();
}
