using Speciosa.Clinical.Regimens;

namespace Speciosa.Web.Regimens;

/// <summary>Configuration section <c>Dosing</c>. The escalation figures have no validated threshold in the reference
/// (kratom-safety.md 3.2). When the clinic configures neither, the watch runs on the software's own figures
/// (<see cref="SoftwareDefaultEscalationShare"/>, <see cref="SoftwareDefaultDailyUseWeeks"/>), and every page and alert
/// that shows them says "software default, not a clinic decision". There is no default for a regimen's administrations
/// a day: the clinician enters it on every order.</summary>
public sealed class DosingOptions
{
    public const string Section = "Dosing";

    /// <summary>The software's figure when the clinic sets no escalation share (not a validated threshold).</summary>
    public const decimal SoftwareDefaultEscalationShare = 0.25m;

    /// <summary>The software's figure when the clinic sets no weeks of daily use (not a validated threshold).</summary>
    public const int SoftwareDefaultDailyUseWeeks = 12;

    /// <summary>Rise of the 7-day mean over 14 days that alerts, as a share (0.25 = 25%); empty: the software default.</summary>
    public decimal? EscalationShare { get; set; }

    /// <summary>Weeks of daily use without a taper plan after which a review alert is raised; empty: the software default.</summary>
    public int? DailyUseWeeksWithoutTaper { get; set; }

    /// <summary>What the escalation watch compares: GramsPerDay or DosesPerDay.</summary>
    public EscalationMeasure EscalationMeasure { get; set; } = EscalationMeasure.GramsPerDay;

    /// <summary>Turns the escalation watch off (a clinic decision).</summary>
    public bool EscalationWatchOff { get; set; }

    /// <summary>How many days back a recall looks for doses from the lot, when the recall does not say.</summary>
    public int RecallExposureWindowDays { get; set; } = 90;

    /// <summary>SOWS (Handelsman) total from which withdrawal counts as emerged after a taper reached zero (issue 13 part 4).
    /// SOWS has no validated bands, so there is no software figure: empty means SOWS is shown but not judged (COWS from its
    /// published mild band, 5, still is).</summary>
    public int? PostTaperSowsFrom { get; set; }

    public bool EscalationShareIsSoftwareDefault => EscalationShare is not > 0m;

    public bool DailyUseWeeksIsSoftwareDefault => DailyUseWeeksWithoutTaper is not > 0;

    public EscalationSettings? Escalation => EscalationWatchOff ? null
        : new EscalationSettings(
            EscalationMeasure,
            EscalationShare is > 0m ? EscalationShare.Value : SoftwareDefaultEscalationShare,
            DailyUseWeeksWithoutTaper is > 0 ? DailyUseWeeksWithoutTaper.Value : SoftwareDefaultDailyUseWeeks)
        {
            RiseShareIsSoftwareDefault = EscalationShareIsSoftwareDefault,
            DailyUseWeeksIsSoftwareDefault = DailyUseWeeksIsSoftwareDefault,
        };
}
