namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Where a patient lives (or is supplied): ISO 3166-1 alpha-2 country, optional ISO 3166-2
/// subdivision and optional locality (city or county name, matched without regard to case).</summary>
public sealed record PatientLocation(string Country, string? Subdivision = null, string? Locality = null)
{
    public override string ToString() =>
        string.Join(", ", new[] { Locality, Subdivision, Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
