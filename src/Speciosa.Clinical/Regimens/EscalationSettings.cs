namespace Speciosa.Clinical.Regimens;

/// <summary>The clinic's escalation and dependence settings. Both figures are clinic configuration: the reference
/// gives no validated threshold (kratom-safety.md 3.2), so there are no defaults and alerts cite
/// <see cref="DosingSources.ClinicConfiguration"/>, marked unconfirmed.
/// <see cref="RiseShare"/> is a share (0.25 = a rise of more than 25% alerts).</summary>
public sealed record EscalationSettings(EscalationMeasure Measure, decimal RiseShare, int DailyUseWeeksWithoutTaper);
