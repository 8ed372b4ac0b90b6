using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Withdrawal;

/// <summary>The withdrawal alert rules: ids, versions, severities, thresholds and sources. Bump a rule's
/// version whenever its threshold or logic changes.</summary>
public static class WithdrawalAlertRules
{
    /// <summary>COWS severe band starts above 36 [S7–S10].</summary>
    public const int CowsSevereAbove = 36;

    /// <summary>COWS moderately severe band starts at 25 [S7–S10].</summary>
    public const int CowsModeratelySevereFrom = 25;

    /// <summary>COWS moderate band starts at 13 [S7–S10].</summary>
    public const int CowsModerateFrom = 13;

    private static readonly Source CowsBands = new(
        "S7-S10",
        "COWS severity bands 5-12 mild, 13-24 moderate, 25-36 moderately severe, >36 severe (Wesson & Ling 2003; " +
        "Valant; cliot; MDApp; Bicycle Health).",
        "https://www.mdapp.co/clinical-opiate-withdrawal-scale-cows-calculator-189/");

    private static readonly Source CowsBandsAndCourse = CowsBands with
    {
        Citation = CowsBands.Citation + " Expected course windows: knowledge withdrawal/withdrawal-courses.json, " +
            "sources listed per window (reference section 4).",
    };

    /// <summary>COWS total above 36.</summary>
    public static readonly AlertRule CowsSevere = new(
        "withdrawal.cows-severe", 1, AlertSeverity.High, "Severe opioid withdrawal (COWS > 36)", CowsBands);

    /// <summary>COWS 25-36 (moderately severe) at any point of the course: a clinician prompt (audit E17; Wesson &amp; Ling
    /// 2003 bands). Above 36 the severe rule speaks instead.</summary>
    public static readonly AlertRule CowsModeratelySevere = new(
        "withdrawal.cows-moderately-severe", 1, AlertSeverity.Warning,
        "Moderately severe withdrawal (COWS 25-36): clinician review", CowsBands);

    /// <summary>COWS 25 or more after the expected peak window has ended.</summary>
    public static readonly AlertRule CowsModeratelySevereAfterPeak = new(
        "withdrawal.cows-moderately-severe-after-peak", 1, AlertSeverity.Warning,
        "Moderately severe or worse withdrawal after the expected peak", CowsBandsAndCourse);

    /// <summary>COWS 13 or more after the latest expected end of acute withdrawal.</summary>
    public static readonly AlertRule CowsModeratePastDuration = new(
        "withdrawal.cows-moderate-past-duration", 1, AlertSeverity.Warning,
        "Moderate or worse withdrawal past the expected duration", CowsBandsAndCourse);

    /// <summary>Every withdrawal rule.</summary>
    public static IReadOnlyList<AlertRule> All { get; } = [CowsSevere, CowsModeratelySevere, CowsModeratelySevereAfterPeak, CowsModeratePastDuration];
}
