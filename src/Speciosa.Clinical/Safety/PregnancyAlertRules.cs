using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Safety;

/// <summary>The pregnancy and lactation rules in the alert catalogue. High when the patient is pregnant or
/// breastfeeding with a kratom regimen (neonatal abstinence syndrome reports; no lactation data); lower when no
/// regimen is set yet, so the status is seen before one is. Bump a rule's version when its logic changes.
/// v2 of the pregnancy and conception rules: the wording leads with opioid agonist treatment (audit E3, §2.4, §2.5).</summary>
public static class PregnancyAlertRules
{
    public static AlertRule PregnantOnRegimen { get; } =
        new("safety.pregnant-on-regimen", 2, AlertSeverity.High, "Pregnant with a kratom regimen: neonatal abstinence syndrome reported", SafetySources.NasReviewWright2021);

    public static AlertRule BreastfeedingOnRegimen { get; } =
        new("safety.breastfeeding-on-regimen", 1, AlertSeverity.High, "Breastfeeding with a kratom regimen: no lactation transfer data", SafetySources.LactationNoData);

    public static AlertRule PlanningConceptionOnRegimen { get; } =
        new("safety.planning-conception-on-regimen", 2, AlertSeverity.Warning, "Planning conception with a kratom regimen", SafetySources.NasReviewWright2021);

    public static AlertRule PregnantBeforeRegimen { get; } =
        new("safety.pregnant-before-regimen", 2, AlertSeverity.Warning, "Pregnant: review before any kratom regimen", SafetySources.NasReviewWright2021);

    public static AlertRule BreastfeedingBeforeRegimen { get; } =
        new("safety.breastfeeding-before-regimen", 1, AlertSeverity.Warning, "Breastfeeding: review before any kratom regimen", SafetySources.LactationNoData);

    public static AlertRule PlanningConceptionBeforeRegimen { get; } =
        new("safety.planning-conception-before-regimen", 2, AlertSeverity.Info, "Planning conception: review before any kratom regimen", SafetySources.NasReviewWright2021);

    public static IReadOnlyList<AlertRule> All { get; } =
    [
        PregnantOnRegimen, BreastfeedingOnRegimen, PlanningConceptionOnRegimen,
        PregnantBeforeRegimen, BreastfeedingBeforeRegimen, PlanningConceptionBeforeRegimen,
    ];
}
