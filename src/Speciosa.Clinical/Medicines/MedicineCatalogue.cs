using System.Globalization;
using System.Text.RegularExpressions;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Medicines;

/// <summary>A name the catalogue knows: from the class catalogue (<see cref="Classes"/> and <see cref="Sources"/> as the
/// interaction screen uses them) or a common name with no class (<see cref="InClassCatalogue"/> false: it screens as No data).</summary>
public sealed record CatalogueEntry(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Classes, IReadOnlyList<string> Sources,
    bool InClassCatalogue, string? RxNorm, string? Note);

/// <summary>A dose unit of the entry form (UCUM code where there is one).</summary>
public sealed record DoseUnit(string Id, string Name, string? Ucum, IReadOnlyList<string>? Aliases, string Source)
{
    public bool IsCalled(string text) =>
        string.Equals(Id, text, StringComparison.Ordinal) || (Aliases ?? []).Any(a => string.Equals(a, text, StringComparison.Ordinal))
        || string.Equals(Id, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A route of administration of the entry form.</summary>
public sealed record MedicineRoute(string Id, string Name, string Source);

/// <summary>The local medicine catalogue the medicine list searches (<c>knowledge/interactions/medicine-catalogue.json</c> plus
/// every medicine of <see cref="DrugClassCatalogue"/>), its dose units and routes. It proposes no dose.</summary>
public sealed partial class MedicineCatalogue
{
    public MedicineCatalogue(DrugClassCatalogue classes, IEnumerable<string> commonNames, string commonSource,
        IEnumerable<DoseUnit> units, IEnumerable<MedicineRoute> routes, string asOf)
    {
        var entries = classes.Medicines
            .Select(m => new CatalogueEntry(m.Name, m.Aliases ?? [], m.Classes, m.Sources, true, m.RxNorm, m.Note)).ToList();
        foreach (var name in commonNames.Where(n => classes.Find(n, null) is null))
        {
            entries.Add(new CatalogueEntry(name, [], [], [commonSource], false, null, null));
        }

        Entries = entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        Units = units.ToList();
        Routes = routes.ToList();
        AsOf = asOf;
    }

    public static MedicineCatalogue Default { get; } = Load();

    public IReadOnlyList<CatalogueEntry> Entries { get; }

    public IReadOnlyList<DoseUnit> Units { get; }

    public IReadOnlyList<MedicineRoute> Routes { get; }

    public string AsOf { get; }

    /// <summary>Names (or aliases) starting with the query first, then containing it, case-insensitive, alphabetical within
    /// each; an empty query lists the first <paramref name="max"/>.</summary>
    public IReadOnlyList<CatalogueEntry> Search(string? query, int max = 20)
    {
        var q = (query ?? string.Empty).Trim();
        if (q.Length == 0)
        {
            return Entries.Take(max).ToList();
        }

        bool Starts(CatalogueEntry e) => e.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => a.StartsWith(q, StringComparison.OrdinalIgnoreCase));
        bool Contains(CatalogueEntry e) => e.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => a.Contains(q, StringComparison.OrdinalIgnoreCase));
        return Entries.Where(Starts).Concat(Entries.Where(e => !Starts(e) && Contains(e))).Take(max).ToList();
    }

    /// <summary>The entry with this name or alias (case-insensitive), else null.</summary>
    public CatalogueEntry? Find(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
            || e.Aliases.Any(a => string.Equals(a, name.Trim(), StringComparison.OrdinalIgnoreCase)));

    public DoseUnit? FindUnit(string text) => Units.FirstOrDefault(u => u.IsCalled(text.Trim()));

    public MedicineRoute? FindRoute(string text) => Routes.FirstOrDefault(r => string.Equals(r.Id, text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A dose amount as written: a number ("0.5", "1,5") or a range ("1-2"); never changed or rounded.</summary>
    public static bool IsAmount(string text) => AmountPattern().IsMatch(text.Trim());

    /// <summary>"0.5 mg" → ("0.5", mg) when the unit is one of <see cref="Units"/>; null otherwise.</summary>
    public (string Amount, DoseUnit Unit)? SplitDose(string text)
    {
        var match = DoseWithUnitPattern().Match(text.Trim());
        if (!match.Success || FindUnit(match.Groups["unit"].Value) is not { } unit)
        {
            return null;
        }

        return (match.Groups["amount"].Value.Replace(" ", string.Empty, StringComparison.Ordinal), unit);
    }

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^(?<amount>\d+(?:[.,]\d+)?(?:\s*-\s*\d+(?:[.,]\d+)?)?)\s*(?<unit>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DoseWithUnitPattern();

    private static MedicineCatalogue Load()
    {
        var file = KnowledgeFile.Read<CatalogueFile>("interactions/medicine-catalogue.json");
        return new MedicineCatalogue(DrugClassCatalogue.Default, file.Names, file.Source, file.Units, file.Routes,
            file.AsOf.ToString(CultureInfo.InvariantCulture));
    }

    private sealed record CatalogueFile(int Version, string AsOf, string Source, IReadOnlyList<string> Names,
        IReadOnlyList<DoseUnit> Units, IReadOnlyList<MedicineRoute> Routes);
}
