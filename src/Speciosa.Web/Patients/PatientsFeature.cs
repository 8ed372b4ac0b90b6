using Speciosa.Web.Http;

namespace Speciosa.Web.Patients;

/// <summary>Patient records, care teams, who may see whom, and the patient-scoped route group every feature uses.</summary>
public sealed class PatientsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<PatientRecords>();

    public void Map(IEndpointRouteBuilder app) => app.MapPatientEndpoints();
}
