using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Speciosa.Web.Tests.Fhir;

/// <summary>The one validator every FHIR test uses: Firely's R4 validator over the R4 specification package
/// (Hl7.Fhir.Specification.Data.R4's specification.zip, copied beside the tests), with its local terminology service.
/// Offline: nothing is fetched. Built once; calls are serialised (the validator's caches are shared).</summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(new MultiResolver(ZipSource.CreateValidationSource()));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    private static readonly Lock Gate = new();

    /// <summary>An SDK parser of our own (not the server's), strict.</summary>
    public static readonly IFhirSerializationEngine Parser = FhirSerializationEngineFactory.Strict(ModelInfo.ModelInspector);

    public static OperationOutcome Validate(Resource resource)
    {
        lock (Gate)
        {
            return Shared.Value.Validate(resource);
        }
    }

    /// <summary>The errors (and fatal issues) of a resource, each with where it is.</summary>
    public static IReadOnlyList<string> Errors(Resource resource) =>
        Validate(resource).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{resource.TypeName}/{resource.Id}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(",", i.Expression)}")
            .ToList();
}
