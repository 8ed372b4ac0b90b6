using Speciosa.Clinical.Jurisdictions;

namespace Speciosa.Web.Jurisdictions;

/// <summary>One registry entry as stored: every field of <see cref="JurisdictionEntry"/>, its sources as JSON.
/// The registry is about law, not patients, so it is shared by every clinic. Entries are never deleted;
/// a law that changes gets a new dated entry.</summary>
public sealed class JurisdictionRecord
{
    /// <summary>The entry's stable id, the natural key imports match on.</summary>
    public required string Id { get; set; }
    public required string Country { get; set; }
    public string? Subdivision { get; set; }
    public string? Locality { get; set; }
    public LegalStatus Status { get; set; }
    public required string StatusText { get; set; }

    /// <summary>As written: yyyy-MM-dd, yyyy-MM, yyyy or "unconfirmed".</summary>
    public required string Effective { get; set; }

    public DateOnly? EndsOn { get; set; }
    public int? MinimumAge { get; set; }
    public decimal? SevenOhPercent { get; set; }
    public string? SevenOhBasis { get; set; }
    public bool? SevenOhInclusive { get; set; }

    /// <summary><see cref="SaleCondition"/> names, comma-separated, in the entry's order.</summary>
    public required string Conditions { get; set; }

    public string? ConditionsText { get; set; }

    /// <summary>JSON array of the entry's sources: id, citation, url.</summary>
    public required string Sources { get; set; }

    public DateOnly LastVerified { get; set; }
    public bool Verified { get; set; }

    /// <summary>Secondary sources agree and nothing is UNCONFIRMED (migration M0011; false on older rows).</summary>
    public bool ConsistentSecondarySources { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes on every save; an edit based on an older read is a 409.</summary>
    public required string ConcurrencyStamp { get; set; }
}
