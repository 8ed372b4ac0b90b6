namespace Speciosa.Clinical.Jurisdictions;

/// <summary>The legal status that applies to a patient's location on a given day, and why.</summary>
/// <param name="Status">The status in force, or <see cref="LegalStatus.Unknown"/> when no entry applies.</param>
/// <param name="Entry">The entry in force, if any.</param>
/// <param name="IsStale">The entry in force was last verified longer ago than the configured days.</param>
/// <param name="DaysSinceVerified">Days from the entry's last verification to today.</param>
/// <param name="Announced">The next entry that will take effect at this place (announced, not applied).</param>
/// <param name="Lapsed">A temporary rule that has ended with nothing more specific after it.</param>
/// <param name="Explanation">The reasoning in words: which entry, which level, which date.</param>
public sealed record ApplicableLegalStatus(
    LegalStatus Status,
    JurisdictionEntry? Entry,
    bool IsStale,
    int? DaysSinceVerified,
    JurisdictionEntry? Announced,
    JurisdictionEntry? Lapsed,
    string Explanation)
{
    public JurisdictionLevel? Level => Entry?.Level;

    /// <summary>The entry in force has parts its sources do not confirm (neither statute text nor consistent secondary sources).</summary>
    public bool IsUnverified => Entry is { NeedsConfirmation: true };
}
