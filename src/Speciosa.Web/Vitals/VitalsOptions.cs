using Speciosa.Clinical.Vitals;

namespace Speciosa.Web.Vitals;

/// <summary>Configuration section <c>Vitals</c>: the clinic's respiratory rate and SpO2 alert thresholds and how recent
/// an ECG must be for a patient on a QT-prolonging medicine. None is a validated threshold; a figure left empty is the
/// software's (<see cref="VitalsThresholds"/>: 10 /min, 90 %, 365 days), shown as "software default, not a clinic
/// decision" on the page, the alert's threshold and its message. The high-intake figure has no software default.
/// appsettings ships none.</summary>
public sealed class VitalsOptions
{
    public const string Section = "Vitals";

    /// <summary>Alert when the respiratory rate is below this (breaths a minute).</summary>
    public int? RespiratoryRateBelowPerMin { get; set; }

    /// <summary>Alert when SpO2 is below this (%).</summary>
    public int? Spo2BelowPercent { get; set; }

    /// <summary>An ECG within this many days satisfies the ECG prompt.</summary>
    public int? EcgRecentDays { get; set; }

    /// <summary>High kratom intake for the ECG prompt and the seizure-risk flag: mg of mitragynine on one clinic day (in the
    /// last 14). No software default: left empty, intake prompts nothing.</summary>
    public decimal? HighIntakeMitragynineMgPerDay { get; set; }

    public VitalsThresholds Thresholds => VitalsThresholds.From(RespiratoryRateBelowPerMin, Spo2BelowPercent, EcgRecentDays, HighIntakeMitragynineMgPerDay);
}
