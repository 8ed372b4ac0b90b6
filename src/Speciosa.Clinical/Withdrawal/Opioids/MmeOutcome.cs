namespace Speciosa.Clinical.Withdrawal.Opioids;

/// <summary>Whether morphine milligram equivalents could be computed.</summary>
public enum MmeStatus
{
    /// <summary>MME/day was computed from the table's factor.</summary>
    Computed,

    /// <summary>The input is valid but the table has no factor (heroin, illicit fentanyl, buprenorphine).</summary>
    NotComputable,

    /// <summary>The input is wrong (unknown substance, wrong unit, amount not above zero).</summary>
    Refused,
}

/// <summary>MME/day with the factor and table version used, or the reason none is given; never a guess.</summary>
public sealed record MmeOutcome(
    MmeStatus Status,
    decimal? MmePerDay,
    decimal? Factor,
    string TableVersion,
    string? Reason,
    bool ReasonUnconfirmed,
    IReadOnlyList<string> Cautions);
