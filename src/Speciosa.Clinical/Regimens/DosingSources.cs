using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Regimens;

/// <summary>The sources the dosing core cites, read from <c>knowledge/dosing/sources.json</c>.</summary>
public static class DosingSources
{
    private static readonly Dictionary<string, Source> All =
        KnowledgeFile.Read<SourcesFile>("dosing/sources.json").Sources
            .ToDictionary(s => s.Id, s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed), StringComparer.Ordinal);

    public static Source Get(string id) =>
        All.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"Dosing source '{id}' is not catalogued.");

    /// <summary>CDC 2022 Recommendation 5: the two-phase taper (10% of the original a week to 30%, then 10% of the remainder).</summary>
    public static Source Cdc2022Taper => Get("CI-S56");

    /// <summary>The limit is the clinician's own order (or the quality team's lot release), not a published figure.</summary>
    public static Source ClinicPolicy => Get("clinic-policy");

    /// <summary>A clinic-chosen figure with no validated threshold in the reference: shown as unconfirmed.</summary>
    public static Source ClinicConfiguration => Get("clinic-configuration");

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SourcesFile(string AsOf, IReadOnlyList<SourceEntry> Sources);
}
