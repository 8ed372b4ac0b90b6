using System.Globalization;
using Speciosa.Clinical.Regimens;

namespace Speciosa.Clinical.Vitals;

/// <summary>Whether the patient's kratom intake is high, for the ECG prompt and the seizure-risk flag (clinical audit
/// 3.9 and 3.10: "or intake is high", "high doses"). No published threshold exists for either, so the figure is the
/// clinic's own (configuration <c>Vitals:HighIntakeMitragynineMgPerDay</c>, source LOCAL-HIGH-INTAKE, UNCONFIRMED) and the
/// software has no default: without a clinic figure intake prompts nothing, and every page says so. High means the
/// highest mitragynine of a clinic day in the last <see cref="IntakePeak.Days"/> days is at or above the figure; an
/// estimate (label claim) or upper bound (below LOD/LOQ) counts as given and is named in the inputs.</summary>
public sealed record HighIntake(bool IsHigh, string Finding, string Rule)
{
    public static HighIntake Judge(IntakePeak peak, decimal? thresholdMgPerDay)
    {
        ArgumentNullException.ThrowIfNull(peak);
        var window = $"the {IntakePeak.Days} clinic days {peak.FirstDay:yyyy-MM-dd} to {peak.LastDay:yyyy-MM-dd}";
        var unknown = peak.DaysWithUnknownContent > 0
            ? $"; {peak.DaysWithUnknownContent} day(s) with a dose of unknown content not judged" : "";
        var finding = peak.PeakMitragynineMg is { } mg
            ? $"highest mitragynine on a day: {Mg(mg)} mg on {peak.PeakDay:yyyy-MM-dd}{Qualifier(peak)} ({window}{unknown})"
            : peak.DaysWithDoses == 0
                ? $"no dose recorded in {window}"
                : $"mitragynine content unknown on every day with doses in {window}";
        if (thresholdMgPerDay is not > 0)
        {
            return new HighIntake(false, finding, RuleText(null));
        }

        return new HighIntake(peak.PeakMitragynineMg is { } peakMg && peakMg >= thresholdMgPerDay.Value, finding, RuleText(thresholdMgPerDay));
    }

    /// <summary>The rule in words, as pages and alerts show it.</summary>
    public static string RuleText(decimal? thresholdMgPerDay) => thresholdMgPerDay is > 0
        ? $"mitragynine at or above {Mg(thresholdMgPerDay.Value)} mg on a clinic day in the last {IntakePeak.Days} days (clinic setting; UNCONFIRMED: no published threshold)"
        : "no clinic figure for high intake is set (Vitals:HighIntakeMitragynineMgPerDay), so intake prompts nothing; the software has no default";

    private static string Qualifier(IntakePeak peak) =>
        peak.PeakIsUpperBound ? " (an upper bound: a content below the limit of detection or quantitation)"
        : peak.PeakIsEstimate ? " (an estimate from a label claim)" : "";

    private static string Mg(decimal mg) => mg.ToString("0.#", CultureInfo.InvariantCulture);
}
