using Hl7.Fhir.Model;

namespace Speciosa.Web.Fhir;

/// <summary>The CapabilityStatement: exactly the types, interactions, search parameters and operation this server
/// answers (built from the same lists the endpoints use).</summary>
public static class FhirCapability
{
    private static readonly Dictionary<string, (SearchParamType Type, string Documentation)> ParameterTypes = new(StringComparer.Ordinal)
    {
        ["_id"] = (SearchParamType.Token, "Patient ids, comma separated."),
        ["patient"] = (SearchParamType.Reference, "Required: the patient whose chart is searched (id or Patient/id). Another clinic's patient matches nothing."),
        ["category"] = (SearchParamType.Token, "laboratory, survey or vital-signs (system|code or code)."),
        ["code"] = (SearchParamType.Token, "LOINC or local code (system|code or code)."),
        ["url"] = (SearchParamType.Uri, "Canonical URL, optionally with |version."),
    };

    public static CapabilityStatement Statement(string baseUrl, DateTimeOffset now) => new()
    {
        Status = PublicationStatus.Active,
        Date = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "Speciosa" },
        Implementation = new CapabilityStatement.ImplementationComponent
        {
            Description = "Speciosa decision support: FHIR R4 view of the charts the caller may see (care staff), laboratory results in, Bulk Data export.",
            Url = baseUrl,
        },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = new Markdown("Sign in as care staff (cookie or personal access token as bearer). Paging: _count (1-" +
                    FhirEndpoints.MaxCount + ", default " + FhirEndpoints.DefaultCount + ") and _offset; Bundle links self, next, previous. " +
                    "Errors are OperationOutcome. Every read is audited."),
                Resource = FhirChart.Types.Select(Resource).ToList(),
                Interaction =
                [
                    new CapabilityStatement.SystemInteractionComponent
                    {
                        Code = CapabilityStatement.SystemRestfulInteraction.Transaction,
                        Documentation = new Markdown("POST a transaction Bundle of laboratory Observations (LOINC 1742-6, 1920-8, 6768-6, 1975-2, 2324-2, 6301-6; UCUM units; an identifier each) to the base: " +
                            "liver results, all or nothing, idempotent by identifier."),
                    },
                ],
                Operation =
                [
                    new CapabilityStatement.OperationComponent
                    {
                        Name = "export",
                        Definition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export",
                        Documentation = new Markdown("FHIR Bulk Data system export (Prefer: respond-async; _type, _since, _outputFormat): the caller's clinic, as ndjson."),
                    },
                ],
            },
        ],
    };

    private static CapabilityStatement.ResourceComponent Resource(string type)
    {
        var component = new CapabilityStatement.ResourceComponent
        {
            Type = type,
            Interaction =
            [
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
            ],
            SearchParam = FhirEndpoints.SearchParameters[type].Select(p => new CapabilityStatement.SearchParamComponent
            {
                Name = p,
                Type = ParameterTypes[p].Type,
                Documentation = new Markdown(ParameterTypes[p].Documentation),
            }).ToList(),
        };
        if (type == "Observation")
        {
            component.SupportedProfile = [FhirResources.VitalSignsProfile];
        }

        if (type == "Patient")
        {
            component.Operation =
            [
                new CapabilityStatement.OperationComponent
                {
                    Name = "everything",
                    Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                    Documentation = new Markdown("The patient and every resource of their chart, paged with _count and _offset."),
                },
                new CapabilityStatement.OperationComponent
                {
                    Name = "export",
                    Definition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export",
                    Documentation = new Markdown("FHIR Bulk Data export of every patient of the caller's clinic (Prefer: respond-async; _type, _since, _outputFormat)."),
                },
            ];
        }

        return component;
    }
}
