using System.Text.RegularExpressions;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Shape checks for ISO 3166 codes. Well-formedness only: the registry does not carry the ISO lists.</summary>
public static partial class JurisdictionCodes
{
    /// <summary>ISO 3166-1 alpha-2: two upper-case letters.</summary>
    public static bool IsCountry(string? code) => code is not null && CountryPattern().IsMatch(code);

    /// <summary>ISO 3166-2: country code, hyphen, one to three upper-case letters or digits.</summary>
    public static bool IsSubdivision(string? code) => code is not null && SubdivisionPattern().IsMatch(code);

    /// <summary>Whether a subdivision code starts with the given country code, e.g. US-AL in US.</summary>
    public static bool SubdivisionIsIn(string subdivision, string country) =>
        subdivision.StartsWith(country + "-", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdivisionPattern();
}
