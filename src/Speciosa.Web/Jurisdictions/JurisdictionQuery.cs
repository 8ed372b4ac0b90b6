using Speciosa.Web.Http;
using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>A search of the registry, as the list API and the registry page take it. <see cref="ChangedRecently"/>: only entries created,
/// edited or imported (not seeded) in the last <c>Jurisdictions:ChangedWithinDays</c> days.</summary>
public sealed record JurisdictionQuery(
    string? Text,
    string? Country,
    string? Subdivision,
    LegalStatus? Status,
    bool StaleOnly,
    string Sort,
    int Page,
    int PageSize,
    bool ChangedRecently = false)
{
    public static readonly IReadOnlyList<string> Sorts = ["place", "status", "effective", "lastVerified"];

    /// <summary>Reads raw parameters; errors are keyed by parameter name and say what is allowed.</summary>
    public static (JurisdictionQuery? Query, Dictionary<string, string[]> Errors) From(
        string? q, string? country, string? subdivision, string? status, bool? staleOnly, string? sort, int? page, int? pageSize,
        bool? changedRecently = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        LegalStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<LegalStatus>(status.Trim(), ignoreCase: true, out var s) && s != LegalStatus.Unknown
                && Enum.GetNames<LegalStatus>().Contains(status.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                parsedStatus = s;
            }
            else
            {
                errors["status"] = ["One of LegalUnregulated, Regulated, SevenOhRestricted, Banned."];
            }
        }

        var sortName = string.IsNullOrWhiteSpace(sort) ? "place" : Sorts.FirstOrDefault(x => string.Equals(x, sort.Trim(), StringComparison.OrdinalIgnoreCase));
        if (sortName is null)
        {
            errors["sort"] = [$"One of {string.Join(", ", Sorts)}."];
        }

        new PageRequest(page, pageSize).Check(errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new JurisdictionQuery(Blank(q), Blank(country)?.ToUpperInvariant(), Blank(subdivision)?.ToUpperInvariant(),
            parsedStatus, staleOnly ?? false, sortName!, page ?? 1, pageSize ?? 50, changedRecently ?? false), errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One row of the registry list: the entry in words plus how fresh it is.</summary>
public sealed record JurisdictionSummary(
    string Id,
    string Place,
    string Level,
    string Country,
    string? Subdivision,
    string? Locality,
    string Status,
    string StatusText,
    string Effective,
    string EffectiveInWords,
    string? EndsOn,
    int? MinimumAge,
    string LastVerified,
    int DaysSinceVerified,
    bool IsStale,
    bool Verified,
    bool ConsistentSecondarySources,
    string Checked);

public sealed record JurisdictionListPage(int Page, int PageSize, int Total, int StaleAfterDays, IReadOnlyList<JurisdictionSummary> Items,
    int ChangedWithinDays = 0);
