using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Safety;

/// <summary>The adverse-event term list read from <c>knowledge/safety/adverse-event-terms.json</c>.</summary>
public sealed class AdverseEventTermCatalogue
{
    private readonly Dictionary<string, AdverseEventTerm> _byId;

    public AdverseEventTermCatalogue(int version, string asOf, IEnumerable<AdverseEventTerm> terms)
    {
        Version = version;
        AsOf = asOf;
        Terms = terms.ToList();
        _byId = Terms.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public static AdverseEventTermCatalogue Default { get; } = Load();

    public int Version { get; }

    public string AsOf { get; }

    public IReadOnlyList<AdverseEventTerm> Terms { get; }

    public AdverseEventTerm? Find(string id) => _byId.GetValueOrDefault(id);

    public AdverseEventTerm Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Adverse-event term '{id}' is not catalogued.");

    private static AdverseEventTermCatalogue Load()
    {
        var file = KnowledgeFile.Read<TermsFile>("safety/adverse-event-terms.json");
        return new AdverseEventTermCatalogue(file.Version, file.AsOf, file.Terms);
    }

    private sealed record TermsFile(int Version, string AsOf, IReadOnlyList<AdverseEventTerm> Terms);
}
