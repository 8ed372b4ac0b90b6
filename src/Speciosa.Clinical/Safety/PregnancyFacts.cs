using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Safety;

/// <summary>The pregnancy, neonate, lactation and fertility statements read from <c>knowledge/safety/pregnancy.json</c>.</summary>
public sealed class PregnancyFacts
{
    private readonly Dictionary<string, PregnancyStatement> _byId;

    public PregnancyFacts(int version, string asOf, IEnumerable<PregnancyStatement> statements)
    {
        Version = version;
        AsOf = asOf;
        Statements = statements.ToList();
        _byId = Statements.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public static PregnancyFacts Default { get; } = Load();

    public int Version { get; }

    public string AsOf { get; }

    public IReadOnlyList<PregnancyStatement> Statements { get; }

    public PregnancyStatement Get(string id) =>
        _byId.TryGetValue(id, out var statement) ? statement : throw new KeyNotFoundException($"Pregnancy statement '{id}' is not catalogued.");

    private static PregnancyFacts Load()
    {
        var file = KnowledgeFile.Read<FactsFile>("safety/pregnancy.json");
        return new PregnancyFacts(file.Version, file.AsOf, file.Statements);
    }

    private sealed record FactsFile(int Version, string AsOf, IReadOnlyList<PregnancyStatement> Statements);
}
