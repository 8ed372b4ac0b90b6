using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Vitals;

/// <summary>The vital-sign, heart and ECG-prompt rules in the alert catalogue. Bump a rule's version when its logic or
/// threshold changes.</summary>
public static class VitalAlertRules
{
    /// <summary>POSS 3 or 4 (Pasero 2009).</summary>
    public static AlertRule UnacceptableSedation { get; } =
        new("vitals.unacceptable-sedation", 1, AlertSeverity.High, "Unacceptable sedation (POSS 3 or 4)", VitalSources.Poss);

    /// <summary>Respiratory rate below the clinic's threshold.</summary>
    public static AlertRule LowRespiratoryRate { get; } =
        new("vitals.low-respiratory-rate", 1, AlertSeverity.High, "Respiratory rate below the clinic's threshold", VitalSources.Thresholds);

    /// <summary>SpO2 below the clinic's threshold.</summary>
    public static AlertRule LowSpo2 { get; } =
        new("vitals.low-spo2", 1, AlertSeverity.High, "SpO2 below the clinic's threshold", VitalSources.Thresholds);

    /// <summary>Any of the three with a benzodiazepine, gabapentinoid or alcohol on the medicine list: Critical (raised
    /// instead of the High rules, naming each finding).</summary>
    public static AlertRule DepressionWithCnsDepressant { get; } =
        new("vitals.sedation-or-slowed-breathing-with-cns-depressant", 1, AlertSeverity.Critical,
            "Sedation or slowed breathing with a benzodiazepine, gabapentinoid or alcohol on the medicine list", VitalSources.DepressantCombination);

    /// <summary>QTc above 450 ms and up to 500 ms: discuss (Krantz 2009).</summary>
    public static AlertRule QtcDiscuss { get; } =
        new("heart.qtc-above-450-discuss", 1, AlertSeverity.Warning, "QTc above 450 ms: discuss risks and benefits, monitor more often", VitalSources.Krantz2009);

    /// <summary>QTc above 500 ms: act (Krantz 2009).</summary>
    public static AlertRule QtcAct { get; } =
        new("heart.qtc-above-500-act", 1, AlertSeverity.High, "QTc above 500 ms: act on the QT-prolonging treatment and contributing factors", VitalSources.Krantz2009);

    /// <summary>A QT-prolonging medicine on the list and no recent ECG.</summary>
    public static AlertRule EcgNeeded { get; } =
        new("heart.ecg-needed-for-qt-prolonging-medicine", 1, AlertSeverity.Warning, "ECG needed: QT-prolonging medicine on the list and no recent ECG", VitalSources.EcgInterval);

    /// <summary>The ECG prompt when no QT-prolonging medicine is on the list but intake is at or above the clinic's figure.</summary>
    public static AlertRule EcgNeededForHighIntake { get; } =
        new("heart.ecg-needed-for-high-intake", 1, AlertSeverity.Warning, "ECG needed: kratom intake at or above the clinic's figure and no recent ECG", VitalSources.HighIntake);

    /// <summary>Both ECG prompt rules (one is raised at a time: the medicine rule when a QT medicine is listed).</summary>
    public static IReadOnlyList<AlertRule> EcgPrompts { get; } = [EcgNeeded, EcgNeededForHighIntake];

    public static IReadOnlyList<AlertRule> Breathing { get; } = [UnacceptableSedation, LowRespiratoryRate, LowSpo2, DepressionWithCnsDepressant];

    public static IReadOnlyList<AlertRule> Qtc { get; } = [QtcDiscuss, QtcAct];

    public static IReadOnlyList<AlertRule> All { get; } = [.. Breathing, .. Qtc, .. EcgPrompts];
}
