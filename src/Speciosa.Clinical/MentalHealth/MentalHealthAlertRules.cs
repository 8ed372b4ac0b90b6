using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Withdrawal.Instruments;

namespace Speciosa.Clinical.MentalHealth;

/// <summary>The mental-health alert rules. Bump a rule's version whenever its threshold or logic changes.</summary>
public static class MentalHealthAlertRules
{
    /// <summary>PHQ-9 item 9 above 0 (Kroenke 2001; the PHQ-9 instructions): Critical at once, on save.</summary>
    public static readonly AlertRule Phq9SelfHarmThoughts = new(
        "mental-health.phq9-item9", 1, AlertSeverity.Critical,
        "PHQ-9 item 9 above 0: thoughts of death or self-harm — safety assessment today", Phq9SafetyPathway.Default.Source);

    public static IReadOnlyList<AlertRule> All { get; } = [Phq9SelfHarmThoughts];
}

/// <summary>Evaluates a scored screening for alerts. Pure: the caller passes the condition key (one per screening, so
/// every positive answer alerts, even while an earlier one is still open).</summary>
public static class MentalHealthAlerts
{
    public static IReadOnlyList<Alert> Evaluate(string conditionKey, InstrumentScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.InstrumentId != MentalHealthInstruments.Phq9Id
            || !score.Answers.TryGetValue(MentalHealthInstruments.Phq9SelfHarmItem, out var item9) || item9 <= 0)
        {
            return [];
        }

        var rule = MentalHealthAlertRules.Phq9SelfHarmThoughts;
        var definition = MentalHealthInstruments.Catalog.Get(MentalHealthInstruments.Phq9Id);
        var answer = definition.Item(MentalHealthInstruments.Phq9SelfHarmItem)!.Options.First(o => o.Score == item9).Descriptor;
        return
        [
            new Alert(rule, $"{conditionKey}/{rule.Id}",
                $"PHQ-9 item 9 was answered '{answer}' ({item9}): the patient reports thoughts of being better off dead or of " +
                "hurting themselves. A clinician should assess suicide risk today (for example with the C-SSRS) and record the " +
                "safety assessment: outcome and plan.",
                [new AlertInput("PHQ-9 item 9", $"{item9} ({answer})"), new AlertInput("PHQ-9 total", $"{score.Total} ({score.BandLabel})"),
                    new AlertInput("Instrument version", $"{score.InstrumentId} v{score.InstrumentVersion}")],
                "PHQ-9 item 9 > 0 (any answer other than 'Not at all')"),
        ];
    }
}
