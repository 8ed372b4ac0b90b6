using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Safety;

/// <summary>The adverse-event rules in the alert catalogue. Critical for a death, a life-threatening event or
/// CTCAE grade 4-5; High for any other serious event. Bump a rule's version when its logic changes.</summary>
public static class AdverseEventAlertRules
{
    public static AlertRule SeriousLifeThreateningOrFatal { get; } =
        new("safety.adverse-event-serious-critical", 1, AlertSeverity.Critical, "Serious adverse event: fatal, life-threatening or CTCAE grade 4-5", SafetySources.Seriousness);

    public static AlertRule Serious { get; } =
        new("safety.adverse-event-serious", 1, AlertSeverity.High, "Serious adverse event", SafetySources.Seriousness);

    /// <summary>Jaundice, dark urine, itching or right-upper-quadrant pain: a liver panel now, whatever the seriousness
    /// (audit E14; the median latency of kratom liver injury is 14 days, DILIN).</summary>
    public static AlertRule LiverSymptomPanelNow { get; } =
        new("safety.liver-symptom-panel-now", 1, AlertSeverity.High, "Possible liver-injury symptom: liver panel now", SafetySources.LiverSymptoms);

    public static IReadOnlyList<AlertRule> All { get; } = [SeriousLifeThreateningOrFatal, Serious, LiverSymptomPanelNow];
}
