namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Which registry edits refuse supply, and so need a second administrator's approval before they take effect
/// (issue 15 item 8, the four-eyes principle). An edit refuses supply when, compared with the entry it replaces (none
/// for a new entry), it adds a reason <see cref="LegalEnforcement.Decide"/> refuses for: the status becomes banned, a
/// minimum age is added or raised, a pregnancy or breastfeeding exclusion is added, or a 7-OH limit is added, lowered,
/// made exclusive or put on another basis. Loosening an entry, or changing only its wording, sources or dates of
/// checking, takes effect at once.</summary>
public static class RegistryChangeApproval
{
    /// <summary>The ways the edit refuses supply, in words; empty when one administrator may save it.</summary>
    public static IReadOnlyList<string> RefusalsAdded(JurisdictionEntry? before, JurisdictionEntry after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var reasons = new List<string>();
        var place = after.Place;
        if (after.Status == LegalStatus.Banned && before?.Status != LegalStatus.Banned)
        {
            reasons.Add(before is null
                ? $"A new entry bans kratom at {place}: supply is refused to every patient living there once it is in force."
                : $"The status at {place} becomes banned: supply is refused to every patient living there.");
        }

        if (after.MinimumAge is { } age && (before?.MinimumAge is not { } was || age > was))
        {
            reasons.Add(before?.MinimumAge is { } old
                ? $"The minimum age at {place} rises from {old} to {age}: supply is refused to patients younger than {age}."
                : $"A minimum age of {age} is added at {place}: supply is refused to patients younger than {age}.");
        }

        foreach (var (condition, who) in new[] { (SaleCondition.NoSaleToPregnantWomen, "pregnant"), (SaleCondition.NoSaleToBreastfeedingWomen, "breastfeeding") })
        {
            if (after.Conditions.Contains(condition) && !(before?.Conditions.Contains(condition) ?? false))
            {
                reasons.Add($"No sale to {who} women is added at {place}: supply is refused to {who} patients living there.");
            }
        }

        if (after.SevenOhLimit is { } limit && Tighter(before?.SevenOhLimit, limit))
        {
            reasons.Add(before?.SevenOhLimit is { } oldLimit
                ? $"The 7-OH limit at {place} changes from {oldLimit} to {limit}: lots that passed may now be refused."
                : $"A 7-OH limit ({limit}) is added at {place}: lots above it are refused.");
        }

        return reasons;
    }

    public static bool NeedsSecondApproval(JurisdictionEntry? before, JurisdictionEntry after) => RefusalsAdded(before, after).Count > 0;

    /// <summary>A limit refuses more when it is new, lower, exclusive where it was inclusive at the same figure, or on
    /// another basis (the shares cannot be compared, so a second administrator looks).</summary>
    private static bool Tighter(SevenOhLimit? before, SevenOhLimit after) =>
        before is null
        || after.Basis != before.Basis
        || after.Percent < before.Percent
        || (after.Percent == before.Percent && before.Inclusive && !after.Inclusive);
}
