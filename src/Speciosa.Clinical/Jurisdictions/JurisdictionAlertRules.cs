using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>The jurisdiction rules in the alert catalogue. Bump a rule's version when its logic changes.
/// The raised alert's inputs carry the published sources of the entries before and after the change.</summary>
public static class JurisdictionAlertRules
{
    /// <summary>The registry itself, as restated from the project reference.</summary>
    public static Source Registry { get; } = new(
        "KS-5",
        "Kratom safety fact sheet, section 5: legal status registry (project reference, compiled 2026-11-22); each entry names its own sources");

    public static AlertRule LegalStatusChanged { get; } =
        new("jurisdiction.legal-status-changed", 1, AlertSeverity.Warning, "Legal status at the patient's location changed", Registry);

    public static AlertRule NowBanned { get; } =
        new("jurisdiction.now-banned", 1, AlertSeverity.High, "Kratom is now banned at the patient's location", Registry);

    /// <summary>The law where the patient now lives refuses supply (a ban, the minimum age, a pregnancy or breastfeeding
    /// exclusion): raised when the address changes or an entry comes into force, cleared when it no longer refuses.</summary>
    public static AlertRule SupplyNotAllowed { get; } =
        new("jurisdiction.supply-not-allowed", 1, AlertSeverity.High, "The law where the patient lives does not allow kratom supply", Registry);

    /// <summary>A dated entry came into force (or a temporary one ended) at the patient's location.</summary>
    public static AlertRule EntryInForce { get; } =
        new("jurisdiction.entry-in-force", 1, AlertSeverity.Warning, "A legal change took effect at the patient's location", Registry);

    public static IReadOnlyList<AlertRule> All { get; } = [LegalStatusChanged, NowBanned, SupplyNotAllowed, EntryInForce];
}
