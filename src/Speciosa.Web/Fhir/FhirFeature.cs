using Microsoft.AspNetCore.Http;
using Speciosa.Web.Http;

namespace Speciosa.Web.Fhir;

/// <summary>FHIR R4 (issue 16 items 1 and 2): a read-only view of the chart under /fhir. It reads Liver, Withdrawal,
/// Vitals and the kernel; no feature depends on it (docs/fhir.md).</summary>
public sealed class FhirFeature : IFeature
{
    public void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FhirChart>();
        services.AddScoped<FhirLabImport>();
        services.AddHostedService<FhirExportWorker>();
        // Before the default writer, so a /fhir error (401, 403, 405, 500 …) is an OperationOutcome, not problem+json.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, FhirOutcomeWriter>());
    }

    public void Map(IEndpointRouteBuilder app) => app.MapFhirEndpoints();
}
