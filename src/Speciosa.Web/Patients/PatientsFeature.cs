using Speciosa.Web.Http;

namespace Speciosa.Web.Patients;

/// <summary>Patient records, care teams, who may see whom, and the patient-scoped route group every feature uses.</summary>
public sealed class PatientsFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PatientRecords>();
        // A patient meets 404, never 403, for a record that is not theirs (issue 14; PatientScopeAuthorization).
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, PatientScopeAuthorization>();
    }

    public void Map(IEndpointRouteBuilder app) => app.MapPatientEndpoints();
}
