using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Vitals;

/// <summary>The published sources the vital-sign, heart and seizure-risk rules cite, read from <c>knowledge/vitals/sources.json</c>.</summary>
public static class VitalSources
{
    private static readonly Dictionary<string, Source> All =
        KnowledgeFile.Read<SourcesFile>("vitals/sources.json").Sources
            .ToDictionary(s => s.Id, s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed), StringComparer.Ordinal);

    public static IReadOnlyCollection<Source> Sources => All.Values;

    public static bool Contains(string id) => All.ContainsKey(id);

    public static Source Get(string id) =>
        All.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"Vitals source '{id}' is not catalogued.");

    /// <summary>Pasero 2009: POSS 3 and 4 are unacceptable sedation.</summary>
    public static Source Poss => Get("POSS-PASERO-2009");

    /// <summary>The clinic's (or the software's) respiratory rate and SpO2 thresholds.</summary>
    public static Source Thresholds => Get("LOCAL-VITALS-THRESHOLDS");

    /// <summary>Sedation or slowed breathing with a benzodiazepine, gabapentinoid or alcohol: Critical.</summary>
    public static Source DepressantCombination => Get("LOCAL-DEPRESSANT-COMBINATION");

    /// <summary>Krantz 2009, methadone QTc screening: &gt; 450 ms discuss, &gt; 500 ms act.</summary>
    public static Source Krantz2009 => Get("KRANTZ-2009");

    /// <summary>How recent an ECG must be (software default 365 days).</summary>
    public static Source EcgInterval => Get("LOCAL-ECG-INTERVAL");

    /// <summary>The clinic's figure for high intake (no software default).</summary>
    public static Source HighIntake => Get("LOCAL-HIGH-INTAKE");

    /// <summary>Eggleston 2019: seizure in 6.1 % of kratom-only exposures.</summary>
    public static Source Eggleston2019 => Get("KS-S51");

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SourcesFile(string AsOf, IReadOnlyList<SourceEntry> Sources);
}
