using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>One dated statement of the law at one place, with its source and how sure we are of it.
/// Several entries for the same place form its history; the evaluator picks the one in force.</summary>
public sealed record JurisdictionEntry
{
    /// <summary>Stable id, unique in the registry (natural key for imports), e.g. "us-la-2025-08-01".</summary>
    public required string Id { get; init; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; init; }

    /// <summary>ISO 3166-2, e.g. "US-AL"; its prefix is <see cref="Country"/>.</summary>
    public string? Subdivision { get; init; }

    /// <summary>City or county name inside <see cref="Subdivision"/>.</summary>
    public string? Locality { get; init; }

    public required LegalStatus Status { get; init; }

    /// <summary>The status in the source's own words, e.g. "Banned (Sched. I; SB 154 = Act 41 of 2025)".</summary>
    public required string StatusText { get; init; }

    public required EffectiveDate Effective { get; init; }

    /// <summary>Last day in force, for temporary (emergency) rules; null when open-ended.</summary>
    public DateOnly? EndsOn { get; init; }

    public int? MinimumAge { get; init; }

    public SevenOhLimit? SevenOhLimit { get; init; }

    public IReadOnlyList<SaleCondition> Conditions { get; init; } = [];

    /// <summary>Conditions in words, as the source states them.</summary>
    public string? ConditionsText { get; init; }

    public required IReadOnlyList<Source> Sources { get; init; }

    /// <summary>The day someone last checked this entry against its sources.</summary>
    public required DateOnly LastVerified { get; init; }

    /// <summary>True only when the entry was checked against the statute or rule text itself; false when any part rests
    /// on secondary sources (news, radio, bill summaries, advocacy or law-firm pages) or is marked UNCONFIRMED.</summary>
    public required bool Verified { get; init; }

    /// <summary>Not checked against the statute or rule text, but its secondary sources agree and nothing in it is marked
    /// UNCONFIRMED: shown as "secondary sources (consistent)", and enforcement does not ask for confirmation on that account.</summary>
    public bool ConsistentSecondarySources { get; init; }

    /// <summary>How far the entry was checked, in words (clinical audit E25).</summary>
    public string CheckedInWords => Verified ? "Checked against the statute or rule text"
        : ConsistentSecondarySources ? "Secondary sources (consistent; not checked against the statute or rule text)"
        : "Secondary sources, not all confirmed: check against the statute or rule text before relying on it";

    /// <summary>Whether enforcement must ask for the clinician's confirmation because the entry is not confirmed.</summary>
    public bool NeedsConfirmation => !Verified && !ConsistentSecondarySources;

    public string? Note { get; init; }

    public JurisdictionLevel Level =>
        Locality is not null ? JurisdictionLevel.Locality
        : Subdivision is not null ? JurisdictionLevel.Subdivision
        : JurisdictionLevel.Country;

    /// <summary>The place in words, e.g. "San Diego (US-CA)".</summary>
    public string Place => Level switch
    {
        JurisdictionLevel.Locality => $"{Locality} ({Subdivision ?? Country})",
        JurisdictionLevel.Subdivision => Subdivision!,
        _ => Country,
    };

    public bool IsInForceOn(DateOnly day) => Effective.HasBegunBy(day) && (EndsOn is not { } end || day <= end);

    public bool Covers(PatientLocation location) =>
        string.Equals(Country, location.Country?.Trim(), StringComparison.OrdinalIgnoreCase)
        && (Subdivision is null || string.Equals(Subdivision, location.Subdivision?.Trim(), StringComparison.OrdinalIgnoreCase))
        && (Locality is null || string.Equals(Locality.Trim(), location.Locality?.Trim(), StringComparison.OrdinalIgnoreCase));
}
