using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>Create or update one entry. The reason is kept in the entry's history; an update carries the
/// concurrencyStamp it read (a stale stamp is a 409).</summary>
public sealed record JurisdictionEditRequest(string? Reason, string? ConcurrencyStamp, JurisdictionEntryData? Entry);

public sealed record JurisdictionHistoryItem(
    long Id, string Kind, DateTimeOffset ChangedAt, string? ChangedBy, string Reason, JurisdictionEntryData? Before, JurisdictionEntryData? After);

public sealed record JurisdictionDetail(
    JurisdictionEntryData Entry,
    JurisdictionSummary Summary,
    string ConcurrencyStamp,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<JurisdictionHistoryItem> History);

public sealed record JurisdictionImportResult(IReadOnlyList<string> Created, IReadOnlyList<string> Updated, int Unchanged);

/// <summary>The legal status that applies at a place today, why, how fresh, and on what source.</summary>
public sealed record JurisdictionEvaluation(
    string On,
    string Location,
    string Status,
    string? Level,
    string? EntryId,
    string? Place,
    string? StatusText,
    string? Effective,
    string? EndsOn,
    int? MinimumAge,
    bool? Verified,
    string? LastVerified,
    int? DaysSinceVerified,
    bool IsStale,
    int StaleAfterDays,
    string Explanation,
    IReadOnlyList<SourceDocument> Sources,
    string? AnnouncedEntryId,
    string? LapsedEntryId,
    string? Checked = null)
{
    public static JurisdictionEvaluation From(ApplicableLegalStatus a, PatientLocation location, DateOnly on, int staleAfterDays)
    {
        var e = a.Entry;
        return new(JurisdictionMapping.Day(on), location.ToString(), a.Status.ToString(), a.Level?.ToString(), e?.Id, e?.Place, e?.StatusText,
            e?.Effective.ToString(), e?.EndsOn is { } end ? JurisdictionMapping.Day(end) : null, e?.MinimumAge, e?.Verified,
            e is null ? null : JurisdictionMapping.Day(e.LastVerified), a.DaysSinceVerified, a.IsStale, staleAfterDays, a.Explanation,
            e?.Sources.Select(s => new SourceDocument(s.Id, s.Citation, s.Url)).ToList() ?? [], a.Announced?.Id, a.Lapsed?.Id, e?.CheckedInWords);
    }
}
