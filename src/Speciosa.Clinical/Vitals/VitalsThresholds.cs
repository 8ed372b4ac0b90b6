namespace Speciosa.Clinical.Vitals;

/// <summary>The clinic's alert thresholds for breathing and the ECG prompt. A figure the clinic leaves empty is the
/// software's (<see cref="SoftwareDefaultRespiratoryRateBelow"/> …), and every alert and page that shows it says
/// "software default, not a clinic decision"; none is a validated threshold (source LOCAL-VITALS-THRESHOLDS, UNCONFIRMED).</summary>
public sealed record VitalsThresholds(
    int RespiratoryRateBelowPerMin,
    int Spo2BelowPercent,
    int EcgRecentDays,
    bool RespiratoryRateIsSoftwareDefault = false,
    bool Spo2IsSoftwareDefault = false,
    bool EcgRecentDaysIsSoftwareDefault = false,
    decimal? HighIntakeMitragynineMgPerDay = null)
{
    public const int SoftwareDefaultRespiratoryRateBelow = 10;
    public const int SoftwareDefaultSpo2Below = 90;
    public const int SoftwareDefaultEcgRecentDays = 365;

    public static VitalsThresholds SoftwareDefaults { get; } = From(null, null, null);

    /// <summary>The high-intake rule in words (<see cref="HighIntake.RuleText"/>).</summary>
    public string HighIntakeText => HighIntake.RuleText(HighIntakeMitragynineMgPerDay);

    /// <summary>The clinic's figures where it set them (positive), else the software's, marked as such. The high-intake
    /// figure has no software default: left empty, intake prompts nothing (<see cref="HighIntake"/>).</summary>
    public static VitalsThresholds From(int? respiratoryRateBelow, int? spo2Below, int? ecgRecentDays, decimal? highIntakeMitragynineMgPerDay = null) => new(
        respiratoryRateBelow is > 0 ? respiratoryRateBelow.Value : SoftwareDefaultRespiratoryRateBelow,
        spo2Below is > 0 ? spo2Below.Value : SoftwareDefaultSpo2Below,
        ecgRecentDays is > 0 ? ecgRecentDays.Value : SoftwareDefaultEcgRecentDays,
        respiratoryRateBelow is not > 0, spo2Below is not > 0, ecgRecentDays is not > 0,
        highIntakeMitragynineMgPerDay is > 0 ? highIntakeMitragynineMgPerDay : null);

    public const string SoftwareDefaultNote = "software default, not a clinic decision; UNCONFIRMED";

    public string RespiratoryRateText => $"respiratory rate below {RespiratoryRateBelowPerMin} /min" +
        (RespiratoryRateIsSoftwareDefault ? $" ({SoftwareDefaultNote})" : " (clinic setting; UNCONFIRMED)");

    public string Spo2Text => $"SpO2 below {Spo2BelowPercent} %" +
        (Spo2IsSoftwareDefault ? $" ({SoftwareDefaultNote})" : " (clinic setting; UNCONFIRMED)");

    public string EcgRecentText => $"no ECG in the last {EcgRecentDays} days" +
        (EcgRecentDaysIsSoftwareDefault ? $" ({SoftwareDefaultNote})" : " (clinic setting)");
}
