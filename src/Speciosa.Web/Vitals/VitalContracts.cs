using Speciosa.Web.Alerts;
using Speciosa.Web.Http;

namespace Speciosa.Web.Vitals;

/// <summary>A set of vital signs to record; any observation may be left out (at least one is needed). <c>poss</c> is a
/// POSS level (S, 1–4). With <c>cowsAssessmentId</c> the heart rate is that COWS assessment's resting pulse (one
/// reading; a different <c>heartRateBpm</c> is a 400) and the time defaults to the assessment's.</summary>
public sealed record VitalsRequest(
    int? HeartRateBpm = null, int? SystolicMmHg = null, int? DiastolicMmHg = null, int? RespiratoryRatePerMin = null,
    int? Spo2Percent = null, decimal? TemperatureCelsius = null, string? Poss = null, [Http.ClinicalTime] DateTimeOffset? TakenAt = null, Guid? CowsAssessmentId = null);

/// <summary>A stored set with units in the field names; <c>heartRateSource</c> says whether the heart rate is the COWS
/// resting pulse of <c>heartRateAssessmentId</c>.</summary>
public sealed record VitalSignsView(
    Guid Id, DateTimeOffset TakenAt, int? HeartRateBpm, string? HeartRateSource, Guid? HeartRateAssessmentId,
    int? SystolicMmHg, int? DiastolicMmHg, int? RespiratoryRatePerMin, int? Spo2Percent, decimal? TemperatureCelsius,
    string? Poss, string? PossLabel, int? PossVersion, DateTimeOffset RecordedAt);

public sealed record VitalsRecorded(VitalSignsView Vitals, IReadOnlyList<string> Findings, IReadOnlyList<AlertView> RaisedAlerts);

public sealed record VitalsWriteResult(Outcome Outcome, VitalsRecorded? Recorded = null);

/// <summary>One point of the trend: series (heartRate, systolic, diastolic, respiratoryRate, spo2, temperature, poss),
/// value in the series' unit, and where it came from (vital signs, or a COWS resting pulse not shared with a set).</summary>
public sealed record TrendPoint(DateTimeOffset At, string Series, decimal Value, string Unit, string Source);

public sealed record VitalsTrend(IReadOnlyList<TrendPoint> Points, string RespiratoryRateThreshold, string Spo2Threshold);

/// <summary>An ECG to record: QTc in ms as the ECG gives it and its correction formula (bazett, fridericia, framingham,
/// hodges, unstated); QT, heart rate and the reader's interpretation optional.</summary>
public sealed record EcgRequest(int? QtcMs = null, string? CorrectionFormula = null, int? QtMs = null, int? HeartRateBpm = null,
    string? Interpretation = null, [Http.ClinicalTime] DateTimeOffset? TakenAt = null);

public sealed record EcgView(Guid Id, DateTimeOffset TakenAt, int QtcMs, string CorrectionFormula, string CorrectionFormulaName,
    int? QtMs, int? HeartRateBpm, string? Interpretation, string Verdict, DateTimeOffset RecordedAt);

public sealed record EcgRecorded(EcgView Ecg, IReadOnlyList<AlertView> RaisedAlerts, IReadOnlyList<AlertView> ResolvedAlerts);

public sealed record EcgWriteResult(Outcome Outcome, EcgRecorded? Recorded = null);

/// <summary>The heart picture: ECGs newest first, the QT medicines on the list, whether an ECG is needed now and why,
/// and the thresholds with their source.</summary>
public sealed record HeartView(IReadOnlyList<EcgView> Ecgs, IReadOnlyList<string> QtMedicines, bool EcgNeeded, string EcgPromptRule,
    string Thresholds, string ThresholdSource, bool ThresholdSourceUnconfirmed, IntakeView Intake);

/// <summary>Whether intake is high against the clinic's figure: the finding (highest mitragynine of a day in the last 14
/// clinic days), the rule in words, and whether the clinic set a figure at all (no software default).</summary>
public sealed record IntakeView(bool IsHigh, string Finding, string Rule, bool ClinicFigureSet);

public sealed record SourceView(string Id, string Citation, string? Url, bool Unconfirmed);

public sealed record SeizureFlagView(string Id, string Title, string Text, IReadOnlyList<string> Medicines, IReadOnlyList<SourceView> Sources,
    string? Intake = null);

/// <summary>Seizure-risk flags from the medicine list and intake, with the background figure and its source, and the
/// high-intake rule in words.</summary>
public sealed record SeizureRiskView(string Background, SourceView BackgroundSource, IReadOnlyList<SeizureFlagView> Flags, string HighIntakeRule);
