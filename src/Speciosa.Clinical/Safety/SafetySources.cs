using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Safety;

/// <summary>The sources the pregnancy and adverse-event cores cite, read from <c>knowledge/safety/sources.json</c>.</summary>
public static class SafetySources
{
    private static readonly Dictionary<string, Source> All =
        KnowledgeFile.Read<SourcesFile>("safety/sources.json").Sources
            .ToDictionary(s => s.Id, s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed), StringComparer.Ordinal);

    public static bool Contains(string id) => All.ContainsKey(id);

    public static Source Get(string id) =>
        All.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"Safety source '{id}' is not catalogued.");

    /// <summary>Wright 2021, systematic review of neonatal abstinence syndrome case reports.</summary>
    public static Source NasReviewWright2021 => Get("KS-S63");

    /// <summary>Thailand's prohibition of sale to pregnant or breastfeeding women; lactation data absent.</summary>
    public static Source LactationNoData => Get("KS-S65");

    /// <summary>Fertility hormones in long-term users.</summary>
    public static Source FertilitySingh2018 => Get("KS-S66");

    /// <summary>FDA/ICH seriousness criteria (not yet in the project reference).</summary>
    public static Source Seriousness => Get("LOCAL-SERIOUSNESS");

    /// <summary>Symptoms that ask for a liver panel now (jaundice, dark urine, itching, right-upper-quadrant pain).</summary>
    public static Source LiverSymptoms => Get("LOCAL-LIVER-SYMPTOMS");

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SourcesFile(string AsOf, IReadOnlyList<SourceEntry> Sources);
}
