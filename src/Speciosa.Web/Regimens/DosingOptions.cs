using Speciosa.Clinical.Regimens;

namespace Speciosa.Web.Regimens;

/// <summary>Configuration section <c>Dosing</c>: clinic configuration, shown as such on the regimen page.
/// The escalation figures have no validated threshold in the reference (kratom-safety.md 3.2): without both
/// of them the escalation watch is off and says so.</summary>
public sealed class DosingOptions
{
    public const string Section = "Dosing";

    /// <summary>Administrations a day when the clinician does not set a number (clinic default 3).</summary>
    public int DefaultMaxAdministrationsPerDay { get; set; } = RegimenOrder.ClinicDefaultMaxAdministrationsPerDay;

    /// <summary>Rise of the 7-day mean over 14 days that alerts, as a share (0.25 = 25%).</summary>
    public decimal? EscalationShare { get; set; }

    /// <summary>Weeks of daily use without a taper plan after which a review alert is raised.</summary>
    public int? DailyUseWeeksWithoutTaper { get; set; }

    /// <summary>What the escalation watch compares: GramsPerDay or DosesPerDay.</summary>
    public EscalationMeasure EscalationMeasure { get; set; } = EscalationMeasure.GramsPerDay;

    /// <summary>How many days back a recall looks for doses from the lot, when the recall does not say.</summary>
    public int RecallExposureWindowDays { get; set; } = 90;

    public EscalationSettings? Escalation =>
        EscalationShare is > 0m && DailyUseWeeksWithoutTaper is > 0
            ? new EscalationSettings(EscalationMeasure, EscalationShare.Value, DailyUseWeeksWithoutTaper.Value)
            : null;
}
