using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Medicines;

/// <summary>The result of screening a patient's medicines against the rule base: one answer per medicine in
/// input order, the lot-level rules that apply, the alerts to raise, and the versions that produced them.</summary>
public sealed record InteractionScreeningResult(
    int RuleBaseVersion,
    string RuleBaseAsOf,
    int CatalogueVersion,
    IReadOnlyList<MedicineScreening> Medicines,
    IReadOnlyList<InteractionRule> LotRules,
    IReadOnlyList<Alert> Alerts);
