namespace Speciosa.Clinical.Jurisdictions;

/// <summary>A registry entry as written in a knowledge or import file: everything optional and textual, so
/// validation can name each wrong field instead of failing on the first.</summary>
public sealed record JurisdictionEntryDocument
{
    public string? Id { get; init; }
    public string? Country { get; init; }
    public string? Subdivision { get; init; }
    public string? Locality { get; init; }
    public string? Status { get; init; }
    public string? StatusText { get; init; }

    /// <summary>"yyyy-MM-dd", "yyyy-MM", "yyyy", or "unconfirmed" when the source gives no date.</summary>
    public string? Effective { get; init; }

    public string? EndsOn { get; init; }
    public int? MinimumAge { get; init; }
    public SevenOhLimitDocument? SevenOhLimit { get; init; }
    public IReadOnlyList<string>? Conditions { get; init; }
    public string? ConditionsText { get; init; }

    /// <summary>Ids from the file's source list.</summary>
    public IReadOnlyList<string>? Sources { get; init; }

    public string? LastVerified { get; init; }
    public bool? Verified { get; init; }

    /// <summary>Optional (false when absent): not checked against the statute text, but the secondary sources agree and
    /// nothing is UNCONFIRMED.</summary>
    public bool? ConsistentSecondarySources { get; init; }
    public string? Note { get; init; }
}

public sealed record SevenOhLimitDocument(decimal? Percent, string? Basis, bool? Inclusive);

public sealed record SourceDocument(string? Id, string? Citation, string? Url = null);

/// <summary>A registry file: its sources and its entries. The seed files and the web import share this shape.</summary>
public sealed record JurisdictionRegistryDocument
{
    public string? AsOf { get; init; }
    public IReadOnlyList<SourceDocument>? Sources { get; init; }
    public IReadOnlyList<JurisdictionEntryDocument>? Entries { get; init; }
}
