using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Knowledge;

namespace Speciosa.Clinical.Treatment;

/// <summary>The sources the treatment-options, overdose-prevention and follow-up rules cite
/// (<c>knowledge/treatment/sources.json</c>).</summary>
public static class TreatmentSources
{
    private static readonly Dictionary<string, Source> All =
        KnowledgeFile.Read<SourcesFile>("treatment/sources.json").Sources
            .ToDictionary(s => s.Id, s => new Source(s.Id, s.Citation, s.Url, s.Unconfirmed), StringComparer.Ordinal);

    public static bool Contains(string id) => All.ContainsKey(id);

    public static Source Get(string id) =>
        All.TryGetValue(id, out var source) ? source : throw new KeyNotFoundException($"Treatment source '{id}' is not catalogued.");

    /// <summary>SAMHSA TIP 63: the three medications for opioid use disorder, offered and discussed.</summary>
    public static Source Tip63 => Get("TIP-63");

    /// <summary>CDC 2022 Recommendation 8: offer naloxone.</summary>
    public static Source CdcNaloxone => Get("CDC-2022-R8");

    /// <summary>CDC 2022 Recommendation 5: follow up at least monthly while tapering.</summary>
    public static Source CdcMonthlyFollowUp => Get("CI-S56");

    /// <summary>Loss of tolerance after a taper, a break or missed doses (the audit's request; no primary source held).</summary>
    public static Source Tolerance => Get("LOCAL-TOLERANCE");

    public static Source MissedDays => Get("LOCAL-MISSED-DAYS");

    public static Source MoudReview => Get("LOCAL-MOUD-REVIEW");

    public static Source FollowUp => Get("LOCAL-FOLLOW-UP");

    private sealed record SourceEntry(string Id, string Citation, string? Url = null, bool Unconfirmed = false);

    private sealed record SourcesFile(string AsOf, IReadOnlyList<SourceEntry> Sources);
}
