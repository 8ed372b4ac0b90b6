using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>One entry in the import file's words, with its sources written out (id, citation, url) instead
/// of ids into a file-wide list. The API reads and writes this shape and history keeps it as JSON.</summary>
public sealed record JurisdictionEntryData
{
    public string? Id { get; init; }
    public string? Country { get; init; }
    public string? Subdivision { get; init; }
    public string? Locality { get; init; }

    /// <summary>LegalUnregulated, Regulated, SevenOhRestricted or Banned.</summary>
    public string? Status { get; init; }

    public string? StatusText { get; init; }

    /// <summary>yyyy-MM-dd, yyyy-MM, yyyy, or "unconfirmed" when the source gives no date.</summary>
    public string? Effective { get; init; }

    /// <summary>yyyy-MM-dd: last day in force, for temporary rules.</summary>
    public string? EndsOn { get; init; }

    public int? MinimumAge { get; init; }
    public SevenOhLimitDocument? SevenOhLimit { get; init; }

    /// <summary>SaleCondition names, e.g. NoSaleToPregnantWomen.</summary>
    public IReadOnlyList<string>? Conditions { get; init; }

    public string? ConditionsText { get; init; }
    public IReadOnlyList<SourceDocument>? Sources { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? LastVerified { get; init; }

    public bool? Verified { get; init; }
    public bool? ConsistentSecondarySources { get; init; }
    public string? Note { get; init; }
}
