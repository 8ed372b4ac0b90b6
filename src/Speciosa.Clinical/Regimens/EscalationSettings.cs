namespace Speciosa.Clinical.Regimens;

/// <summary>The escalation and dependence settings. Both figures are clinic configuration with no validated threshold
/// in the reference (kratom-safety.md 3.2); alerts cite <see cref="DosingSources.ClinicConfiguration"/>, marked unconfirmed.
/// A figure the clinic left empty is the software's own (<see cref="RiseShareIsSoftwareDefault"/>,
/// <see cref="DailyUseWeeksIsSoftwareDefault"/>) and every threshold that shows it says "software default, not a clinic
/// decision". <see cref="RiseShare"/> is a share (0.25 = a rise of more than 25% alerts).</summary>
public sealed record EscalationSettings(EscalationMeasure Measure, decimal RiseShare, int DailyUseWeeksWithoutTaper)
{
    public const string SoftwareDefaultWords = "software default, not a clinic decision";

    public bool RiseShareIsSoftwareDefault { get; init; }

    public bool DailyUseWeeksIsSoftwareDefault { get; init; }

    public string RiseShareBasis => RiseShareIsSoftwareDefault ? SoftwareDefaultWords : "clinic configuration";

    public string DailyUseWeeksBasis => DailyUseWeeksIsSoftwareDefault ? SoftwareDefaultWords : "clinic configuration";
}
