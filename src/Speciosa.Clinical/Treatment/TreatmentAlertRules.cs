using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Treatment;

/// <summary>The overdose-prevention, loss-of-tolerance, treatment-options and follow-up rules in the alert catalogue.
/// Bump a rule's version when its logic or threshold changes.</summary>
public static class TreatmentAlertRules
{
    public static AlertRule NaloxoneMissing { get; } =
        new("overdose.naloxone-missing", 1, AlertSeverity.High, "On a kratom regimen with no naloxone supply recorded", TreatmentSources.CdcNaloxone);

    public static AlertRule ToleranceTaperZero { get; } =
        new("overdose.tolerance-taper-zero", 1, AlertSeverity.High, "Taper reached zero: loss of tolerance, overdose risk on resuming", TreatmentSources.Tolerance);

    public static AlertRule ToleranceAfterBreak { get; } =
        new("overdose.tolerance-after-break", 1, AlertSeverity.High, "Planned break: loss of tolerance, overdose risk on resuming", TreatmentSources.Tolerance);

    public static AlertRule ToleranceMissedDays { get; } =
        new("overdose.tolerance-missed-days", 1, AlertSeverity.High, "Days without a dose: loss of tolerance, overdose risk on resuming", TreatmentSources.MissedDays);

    public static AlertRule MoudDecisionDue { get; } =
        new("treatment.moud-decision-due", 1, AlertSeverity.Warning, "Medication for opioid use disorder: no decision recorded, or the last is old", TreatmentSources.Tip63);

    public static AlertRule FollowUpContactMissed { get; } =
        new("treatment.follow-up-missed", 1, AlertSeverity.Warning, "Follow-up after the taper: a contact was missed or is overdue", TreatmentSources.FollowUp);

    public static IReadOnlyList<AlertRule> Tolerance { get; } = [ToleranceTaperZero, ToleranceAfterBreak, ToleranceMissedDays];

    public static IReadOnlyList<AlertRule> All { get; } =
        [NaloxoneMissing, ToleranceTaperZero, ToleranceAfterBreak, ToleranceMissedDays, MoudDecisionDue, FollowUpContactMissed];
}
