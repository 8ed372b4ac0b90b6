using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Medicines;

/// <summary>One rule of the kratom interaction rule base (<c>knowledge/interactions/rules.json</c>).
/// <see cref="Monitoring"/> says what to watch, never a dose. <see cref="Severity"/> is how loudly the
/// software flags co-use for review, not a risk size. <see cref="Unconfirmed"/> marks a rule whose
/// effect size or kratom-specific evidence the reference could not confirm (<see cref="UnconfirmedNote"/> says what).
/// <see cref="EvidenceSummary"/> says in words what the cited data are (e.g. "mechanism-based; supported by observational
/// poison-centre and death data; effect size not quantified"), shown beside the rule and on its alerts.</summary>
public sealed record InteractionRule(
    string Id,
    int Version,
    string AsOf,
    string Title,
    InteractionTrigger Trigger,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Substances,
    InteractionMechanism Mechanism,
    AlertSeverity Severity,
    string Effect,
    string Monitoring,
    EvidenceLevel EvidenceLevel,
    string EvidenceSummary,
    IReadOnlyList<InteractionEvidence> Evidence,
    IReadOnlyList<string> Sources,
    bool Unconfirmed,
    string? UnconfirmedNote = null)
{
    /// <summary>Whether the rule covers <paramref name="classId"/>.</summary>
    public bool CoversClass(string classId) => Classes.Contains(classId, StringComparer.Ordinal);

    /// <summary>Whether the rule names <paramref name="substance"/> (case-insensitive).</summary>
    public bool CoversSubstance(string substance) =>
        Substances.Any(s => string.Equals(s, substance, StringComparison.OrdinalIgnoreCase));
}
