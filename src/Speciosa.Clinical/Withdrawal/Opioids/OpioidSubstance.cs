namespace Speciosa.Clinical.Withdrawal.Opioids;

/// <summary>An opioid a patient may report: the unit its amount is entered in and its MME factor, or why
/// there is none (heroin, illicit fentanyl, buprenorphine).</summary>
public sealed record OpioidSubstance
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DoseUnit Unit { get; init; }

    /// <summary>Morphine milligram equivalents per unit of daily dose; null when the table has no factor.</summary>
    public decimal? MmeFactor { get; init; }

    /// <summary>Why MME cannot be computed, when <see cref="MmeFactor"/> is null.</summary>
    public string? NotComputableReason { get; init; }

    /// <summary>True when <see cref="NotComputableReason"/> rests on a single source.</summary>
    public bool ReasonUnconfirmed { get; init; }

    public IReadOnlyList<string> Cautions { get; init; } = [];
    public string? Notes { get; init; }

    /// <summary>"opioid" (the default) or "kratom": kratom and 7-OH products (leaf, powder, extracts, concentrated 7-OH,
    /// "enhanced" products, MGM-15, mitragynine pseudoindoxyl), listed apart in the substance history.</summary>
    public string Group { get; init; } = OpioidSubstanceGroups.Opioid;

    /// <summary>Where this entry's facts come from, when not the catalogue's conversion table (kratom entries).</summary>
    public string? Basis { get; init; }

    public bool IsKratom => Group == OpioidSubstanceGroups.Kratom;
}

/// <summary>The groups of the substance history.</summary>
public static class OpioidSubstanceGroups
{
    public const string Opioid = "opioid";
    public const string Kratom = "kratom";
}
