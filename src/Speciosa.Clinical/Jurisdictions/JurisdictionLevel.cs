namespace Speciosa.Clinical.Jurisdictions;

/// <summary>How specific a registry entry is. A more specific entry overrides a less specific one.</summary>
public enum JurisdictionLevel
{
    /// <summary>ISO 3166-1 alpha-2 country, e.g. TH.</summary>
    Country = 0,

    /// <summary>ISO 3166-2 subdivision, e.g. US-AL.</summary>
    Subdivision = 1,

    /// <summary>A city or county inside a subdivision, e.g. San Diego in US-CA.</summary>
    Locality = 2,
}
