using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Liver;

/// <summary>The published sources the liver core cites, read from <c>knowledge/liver/sources.json</c>.</summary>
public static class LiverSources
{
    private static readonly Dictionary<string, Source> All =
        KnowledgeFile.Read<SourcesFile>("liver/sources.json").Sources
            .ToDictionary(s => s.Id, s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed), StringComparer.Ordinal);

    public static Source Get(string id) =>
        All.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"Liver source '{id}' is not catalogued.");

    /// <summary>Aithal 2011, DILI case definition and R-ratio pattern.</summary>
    public static Source Aithal2011 => Get("KS-S11");

    /// <summary>FDA 2009 DILI premarketing guidance: Hy's law.</summary>
    public static Source FdaHysLaw2009 => Get("KS-S14");

    /// <summary>NCI CTCAE v5.0 liver laboratory grades.</summary>
    public static Source CtcaeV5 => Get("KS-S19");

    /// <summary>INR ≥ 1.5 with an aminotransferase rise read as possible severe DILI or acute liver failure.</summary>
    public static Source InrSevereDili => Get("LOCAL-INR-SEVERE-DILI");

    /// <summary>Median latency of kratom liver injury (DILIN): the first panel after starting.</summary>
    public static Source DilinLatency => Get("KS-S7");

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SourcesFile(string AsOf, IReadOnlyList<SourceEntry> Sources);
}
