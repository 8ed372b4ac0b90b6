using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Medicines;

/// <summary>The published sources the interaction rule base cites, read from <c>knowledge/interactions/sources.json</c>.</summary>
public static class InteractionSources
{
    private static readonly Dictionary<string, Source> All =
        KnowledgeFile.Read<SourcesFile>("interactions/sources.json").Sources
            .ToDictionary(s => s.Id, s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed), StringComparer.Ordinal);

    public static IReadOnlyCollection<Source> Catalogued => All.Values;

    public static bool Contains(string id) => All.ContainsKey(id);

    public static Source Get(string id) =>
        All.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"Interaction source '{id}' is not catalogued.");

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SourcesFile(string AsOf, IReadOnlyList<SourceEntry> Sources);
}
