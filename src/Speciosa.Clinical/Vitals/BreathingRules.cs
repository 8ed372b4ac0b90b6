using System.Globalization;
using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Vitals;

/// <summary>What one set of vital signs says about sedation and breathing.</summary>
public sealed record BreathingAssessment(
    IReadOnlyList<string> Findings,
    IReadOnlyList<ListedMedicine> CnsDepressants,
    IReadOnlyList<Alert> Alerts)
{
    public bool Critical => Alerts.Any(a => a.Rule.Severity == AlertSeverity.Critical);
}

/// <summary>Sedation and respiratory rules on one set of vital signs: POSS 3–4 (Pasero 2009), respiratory rate and SpO2
/// below the clinic's thresholds (each High); when any of them is met and a benzodiazepine, gabapentinoid or alcohol is
/// on the medicine list, one Critical alert names every finding and medicine instead. COWS measures withdrawal only, so
/// a low COWS can mean over-sedation (clinical audit 3.3): these rules look at sedation and breathing themselves.</summary>
public static class BreathingRules
{
    /// <summary>Drug class ids (interactions/drug-classes.json) that make sedation or slowed breathing Critical.</summary>
    public static IReadOnlyList<string> CnsDepressantClasses { get; } = ["benzodiazepine", "gabapentinoid", "alcohol"];

    public const string SedationKey = "vitals:sedation";
    public const string RespiratoryRateKey = "vitals:respiratory-rate";
    public const string Spo2Key = "vitals:spo2";
    public const string CombinationKey = "vitals:with-cns-depressant";

    public static BreathingAssessment Evaluate(
        VitalSignReading reading, DateTimeOffset takenAt, IReadOnlyList<ListedMedicine> medicines, VitalsThresholds thresholds)
    {
        var findings = new List<(AlertRule Rule, string Key, string Finding, string Threshold, AlertInput Input)>();
        var poss = VitalSignCatalogue.Default.PossLevelOf(reading.Poss);
        if (poss is { Unacceptable: true })
        {
            findings.Add((VitalAlertRules.UnacceptableSedation, SedationKey, $"POSS {poss.Level} ({poss.Label})",
                "POSS 3 or 4 (unacceptable sedation, Pasero 2009)", new AlertInput("POSS", $"{poss.Level} — {poss.Label}")));
        }

        if (reading.RespiratoryRatePerMin is { } rr && rr < thresholds.RespiratoryRateBelowPerMin)
        {
            findings.Add((VitalAlertRules.LowRespiratoryRate, RespiratoryRateKey, $"respiratory rate {rr} /min",
                thresholds.RespiratoryRateText, new AlertInput("Respiratory rate", $"{rr} /min")));
        }

        if (reading.Spo2Percent is { } spo2 && spo2 < thresholds.Spo2BelowPercent)
        {
            findings.Add((VitalAlertRules.LowSpo2, Spo2Key, $"SpO2 {spo2} %", thresholds.Spo2Text, new AlertInput("SpO2", $"{spo2} %")));
        }

        var depressants = medicines.Where(m => m.ClassIds.Any(c => CnsDepressantClasses.Contains(c, StringComparer.Ordinal))).ToList();
        if (findings.Count == 0)
        {
            return new([], depressants, []);
        }

        var taken = new AlertInput("Taken at (UTC)", takenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        var alerts = new List<Alert>();
        if (depressants.Count > 0)
        {
            var listed = string.Join("; ", depressants.Select(m => $"{m.Described} ({string.Join(", ", m.ClassIds.Where(c => CnsDepressantClasses.Contains(c, StringComparer.Ordinal)))})"));
            alerts.Add(new Alert(VitalAlertRules.DepressionWithCnsDepressant, CombinationKey,
                $"{Capital(string.Join(", ", findings.Select(f => f.Finding)))} with {listed} on the medicine list. Sedation and slowed breathing from " +
                "kratom or opioids add up with benzodiazepines, gabapentinoids and alcohol: assess the patient now, watch breathing and " +
                "sedation closely and keep naloxone at hand. A clinician decides about further doses.",
                [.. findings.Select(f => f.Input), new AlertInput("CNS depressants on the medicine list", listed), taken],
                string.Join("; ", findings.Select(f => f.Threshold)) + "; with a benzodiazepine, gabapentinoid or alcohol on the medicine list"));
        }
        else
        {
            alerts.AddRange(findings.Select(f => new Alert(f.Rule, f.Key,
                $"{Capital(f.Finding)}: assess the patient now and watch sedation and breathing. A clinician decides about further doses.",
                [f.Input, taken], f.Threshold)));
        }

        return new(findings.Select(f => f.Finding).ToList(), depressants, alerts);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
