using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Medicines;

/// <summary>Drug classes and common medicines mapped to them, read from <c>knowledge/interactions/drug-classes.json</c>.</summary>
public sealed class DrugClassCatalogue
{
    private readonly Dictionary<string, DrugClass> _classes;

    public DrugClassCatalogue(int version, string asOf, IEnumerable<DrugClass> classes, IEnumerable<CataloguedMedicine> medicines)
    {
        Version = version;
        AsOf = asOf;
        _classes = classes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Medicines = medicines.ToList();
    }

    public static DrugClassCatalogue Default { get; } = Load();

    public int Version { get; }

    public string AsOf { get; }

    public IReadOnlyCollection<DrugClass> Classes => _classes.Values;

    public IReadOnlyList<CataloguedMedicine> Medicines { get; }

    public bool IsKnownClass(string classId) => _classes.ContainsKey(classId);

    public DrugClass GetClass(string classId) =>
        _classes.TryGetValue(classId, out var drugClass) ? drugClass : throw new KeyNotFoundException($"Drug class '{classId}' is not catalogued.");

    /// <summary>The catalogued medicine with this RxNorm code, else the one with this name or alias
    /// (case-insensitive, surrounding spaces ignored), else null.</summary>
    public CataloguedMedicine? Find(string name, string? rxNorm)
    {
        if (!string.IsNullOrWhiteSpace(rxNorm)
            && Medicines.FirstOrDefault(m => string.Equals(m.RxNorm, rxNorm.Trim(), StringComparison.Ordinal)) is { } byCode)
        {
            return byCode;
        }

        var trimmed = name.Trim();
        return Medicines.FirstOrDefault(m => m.IsCalled(trimmed));
    }

    private static DrugClassCatalogue Load()
    {
        var file = KnowledgeFile.Read<CatalogueFile>("interactions/drug-classes.json");
        return new DrugClassCatalogue(file.Version, file.AsOf, file.Classes, file.Medicines);
    }

    private sealed record CatalogueFile(int Version, string AsOf, IReadOnlyList<DrugClass> Classes, IReadOnlyList<CataloguedMedicine> Medicines);
}
