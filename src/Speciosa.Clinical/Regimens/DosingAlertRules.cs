using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>The dosing rules in the alert catalogue. Dose limits are the clinician's own order (clinic policy);
/// escalation thresholds are clinic configuration with no validated figure in the reference (unconfirmed).
/// Bump a rule's version when its logic or threshold changes.</summary>
public static class DosingAlertRules
{
    public static AlertRule AbovePerDoseMaximum { get; } =
        new("dosing.above-per-dose-max", 1, AlertSeverity.High, "Dose above the ordered grams per administration", DosingSources.ClinicPolicy);

    public static AlertRule AboveDailyMaximum { get; } =
        new("dosing.above-daily-max", 1, AlertSeverity.High, "Day's doses above the ordered daily maximum", DosingSources.ClinicPolicy);

    public static AlertRule TooManyAdministrations { get; } =
        new("dosing.too-many-administrations", 1, AlertSeverity.High, "More administrations in a day than ordered", DosingSources.ClinicPolicy);

    public static AlertRule DuringPlannedBreak { get; } =
        new("dosing.during-planned-break", 1, AlertSeverity.High, "Dose during a planned break", DosingSources.ClinicPolicy);

    public static AlertRule OutsideRegimenDates { get; } =
        new("dosing.outside-regimen-dates", 1, AlertSeverity.High, "Dose outside the regimen's dates", DosingSources.ClinicPolicy);

    public static AlertRule LotNotReleased { get; } =
        new("dosing.lot-not-released", 1, AlertSeverity.High, "Dose from a lot that is not released", DosingSources.ClinicPolicy);

    public static AlertRule LotRecalled { get; } =
        new("dosing.lot-recalled", 1, AlertSeverity.Critical, "Dose from a recalled lot", DosingSources.ClinicPolicy);

    public static AlertRule LotNotOrdered { get; } =
        new("dosing.lot-not-ordered", 1, AlertSeverity.Warning, "Dose from a lot other than the ordered one", DosingSources.ClinicPolicy);

    public static AlertRule Escalation { get; } =
        new("dosing.escalation", 1, AlertSeverity.Warning, "Use rising over 14 days", DosingSources.ClinicConfiguration);

    public static AlertRule DailyUseWithoutTaper { get; } =
        new("dosing.daily-use-without-taper", 1, AlertSeverity.Warning, "Daily use beyond the configured weeks without a taper plan", DosingSources.ClinicConfiguration);

    public static AlertRule TitrationStepDue { get; } =
        new("dosing.titration-step-due", 1, AlertSeverity.Warning, "A titration step is due: a clinician confirms or declines it", DosingSources.ClinicPolicy);

    public static IReadOnlyList<AlertRule> All { get; } =
    [
        AbovePerDoseMaximum, AboveDailyMaximum, TooManyAdministrations, DuringPlannedBreak, OutsideRegimenDates,
        LotNotReleased, LotRecalled, LotNotOrdered, Escalation, DailyUseWithoutTaper, TitrationStepDue,
    ];
}
