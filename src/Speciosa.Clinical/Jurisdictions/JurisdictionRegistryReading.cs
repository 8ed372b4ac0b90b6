namespace Speciosa.Clinical.Jurisdictions;

/// <summary>The outcome of reading a registry file: all of its entries, or none and the field-keyed errors.</summary>
public sealed record JurisdictionRegistryReading(
    IReadOnlyList<JurisdictionEntry> Entries,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
