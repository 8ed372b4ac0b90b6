using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Liver;

/// <summary>The liver test catalogue read from <c>knowledge/liver/tests.json</c>.</summary>
public sealed class LiverTestCatalogue
{
    private readonly Dictionary<LiverTest, LiverTestDefinition> _tests;

    public LiverTestCatalogue(string asOf, IEnumerable<LiverTestDefinition> tests)
    {
        AsOf = asOf;
        _tests = tests.ToDictionary(t => t.Test);
    }

    public static LiverTestCatalogue Default { get; } = Load();

    public string AsOf { get; }

    public IReadOnlyCollection<LiverTestDefinition> Tests => _tests.Values;

    public LiverTestDefinition Get(LiverTest test) =>
        _tests.TryGetValue(test, out var definition)
            ? definition
            : throw new KeyNotFoundException($"Liver test {test} is not catalogued.");

    /// <summary>The accepted unit matching <paramref name="unit"/> (UCUM is case-sensitive), or null.</summary>
    public AcceptedUnit? FindUnit(LiverTest test, string unit) =>
        Get(test).AcceptedUnits.FirstOrDefault(u => string.Equals(u.Unit, unit, StringComparison.Ordinal));

    private static LiverTestCatalogue Load()
    {
        var file = KnowledgeFile.Read<CatalogueFile>("liver/tests.json");
        return new LiverTestCatalogue(file.AsOf, file.Tests);
    }

    private sealed record CatalogueFile(string AsOf, IReadOnlyList<LiverTestDefinition> Tests);
}
