using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>A country (ISO 3166-1 alpha-2) or region (ISO 3166-2) with its name, for the address lists.</summary>
public sealed record Place(string Code, string Name);

/// <summary>The countries and regions the patient forms offer (<c>knowledge/places/iso-3166.json</c>): every place the legal
/// registry names, plus common others. Names only; the law is the registry's.</summary>
public sealed class PlaceNames(IReadOnlyList<Place> countries, IReadOnlyList<Place> regions, string source)
{
    public static PlaceNames Default { get; } = Load();

    public IReadOnlyList<Place> Countries { get; } = countries.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Place> Regions { get; } = regions.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    public string Source { get; } = source;

    public IEnumerable<Place> RegionsOf(string countryCode) =>
        Regions.Where(r => r.Code.StartsWith(countryCode + "-", StringComparison.Ordinal));

    private static PlaceNames Load()
    {
        var file = KnowledgeFile.Read<PlacesFile>("places/iso-3166.json");
        return new PlaceNames(file.Countries, file.Regions, file.Source);
    }

    private sealed record PlacesFile(string AsOf, string Source, IReadOnlyList<Place> Countries, IReadOnlyList<Place> Regions);
}
