using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Jurisdictions;

namespace Speciosa.Web.Regimens;

/// <summary>A new regimen or an amendment (a new version). Amendments need <see cref="Reason"/> and the
/// <see cref="ConcurrencyStamp"/> read; a warn-and-confirm legal decision needs <see cref="ConfirmLegalWarning"/>.
/// <see cref="LotId"/> null means "any released lot of this product". Breaks, titration and taper are optional.</summary>
public sealed record RegimenRequest(
    Guid? ProductId,
    Guid? LotId,
    decimal? GramsPerAdministration,
    int? MaxAdministrationsPerDay,
    decimal? MaxGramsPerDay,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<BreakDto>? Breaks = null,
    TitrationDto? Titration = null,
    TaperCalendarDto? Taper = null,
    string? Reason = null,
    bool ConfirmLegalWarning = false,
    Guid? ConcurrencyStamp = null);

public sealed record BreakDto(DateOnly FirstDay, DateOnly LastDay, string? Reason = null);

/// <summary>Explicit steps, or the clinician's uniform rule (<see cref="Uniform"/>) written out by the core.</summary>
public sealed record TitrationDto(IReadOnlyList<TitrationStepDto>? Steps = null, UniformTitrationDto? Uniform = null);

/// <summary><see cref="HoldScale"/>: cows or sows; <see cref="HoldComparison"/>: lt, le, ge, gt.</summary>
public sealed record TitrationStepDto(decimal GramsPerAdministration, int DaysAfterPreviousStep, string? HoldScale = null, string? HoldComparison = null, int? HoldThreshold = null);

public sealed record UniformTitrationDto(decimal IncreaseGrams, int EveryDays, decimal CeilingGramsPerAdministration, string? HoldScale = null, string? HoldComparison = null, int? HoldThreshold = null);

public sealed record TaperEntryDto(DateOnly StartsOn, decimal GramsPerDay, string? Basis = null);

public sealed record TaperCalendarDto(IReadOnlyList<TaperEntryDto>? Entries, bool IncreasesAllowed = false, TaperSettingsDto? GeneratedFrom = null);

/// <summary>Every figure is the clinician's; none has a default. Method: PercentOfStartingDose, PercentOfCurrentDose or
/// Cdc2022TwoPhase. WeeklyReductionPercent for the percent methods; UseDuration (UnderOneYear or OneYearOrMore) for the
/// CDC method.</summary>
public sealed record TaperSettingsDto(string? Method, DateOnly? StartDate, decimal? StartingGramsPerDay, decimal? RoundingStepGrams,
    decimal? WeeklyReductionPercent = null, string? UseDuration = null);

/// <summary>A taper calendar saved onto the regimen as a new version.</summary>
public sealed record TaperSaveRequest(TaperCalendarDto? Taper, string? Reason, Guid? ConcurrencyStamp, bool ConfirmLegalWarning = false);

public sealed record RegimenVersionView(
    int Version, Guid ProductId, string ProductName, Guid? LotId, string? LotCode, decimal GramsPerAdministration,
    int MaxAdministrationsPerDay, decimal MaxGramsPerDay, DateOnly StartDate, DateOnly? EndDate, IReadOnlyList<BreakDto> Breaks,
    IReadOnlyList<TitrationStepDto> TitrationSteps, TaperCalendarDto? Taper, string Reason, Guid AuthoredBy, string AuthoredByName,
    DateTimeOffset AuthoredAt, string LegalOutcome, IReadOnlyList<LegalReasonView> LegalWarnings, Guid? LegalConfirmedBy,
    DateTimeOffset? LegalConfirmedAt);

/// <summary>Where the titration stands today. A step never starts by itself: <see cref="NextAwaitingDecision"/> means it is
/// due (its interval passed and its hold, if any, met by a staff-rated reading: <see cref="NextEvidence"/>) and waits for a
/// clinician to confirm or decline it. Patients get this without the hold condition, the reason held or the readings.</summary>
public sealed record TitrationView(int CurrentStep, decimal CurrentGramsPerAdministration, DateOnly CurrentSince,
    int? NextStep, decimal? NextGramsPerAdministration, DateOnly? NextDueOn, string? NextHoldUntil, string? NextHeldBecause, bool Complete,
    bool NextAwaitingDecision = false, IReadOnlyList<ReadingView>? NextEvidence = null, IReadOnlyList<TitrationDecisionView>? Decisions = null);

/// <summary>A withdrawal score behind a decision: scale, total, when, and who rated it (Staff or Patient).</summary>
public sealed record ReadingView(string Scale, int Total, DateTimeOffset TakenAt, string RatedBy);

/// <summary>A clinician's decision on a due step: who, when, under which version, the readings shown, and why declined.</summary>
public sealed record TitrationDecisionView(Guid Id, int StepNumber, decimal GramsPerAdministration, bool Confirmed, Guid DecidedBy,
    string DecidedByName, DateTimeOffset DecidedAt, int RegimenVersion, IReadOnlyList<ReadingView> Readings, string? Reason);

/// <summary>Confirm or decline the step that is due. <see cref="Decision"/>: confirm or decline; a decline needs
/// <see cref="Reason"/>. <see cref="StepNumber"/> must name the step awaiting a decision (409 otherwise).</summary>
public sealed record TitrationDecisionRequest(int? StepNumber, string? Decision, string? Reason = null);

/// <summary>A regimen with its versions, titration and today's limits. <see cref="DemoValues"/>: a made-up regimen of the
/// demo clinic (pages say "demo values, not a recommended regimen").</summary>
public sealed record RegimenView(
    Guid Id, Guid PatientId, Guid ConcurrencyStamp, bool ActiveToday, DateOnly Today, RegimenVersionView Current,
    IReadOnlyList<RegimenVersionView> Versions, TitrationView? Titration, DayLimitsView? TodayLimits, bool DemoValues = false)
{
    /// <summary>What a patient sees of it: no hold condition or threshold, no reason held, no readings or decline reasons
    /// (a patient must not learn what score would unlock a higher dose).</summary>
    public RegimenView ForPatient() => this with
    {
        Current = Hide(Current),
        Versions = Versions.Select(Hide).ToList(),
        Titration = Titration is null ? null : Titration with
        {
            NextHoldUntil = null, NextHeldBecause = null, NextEvidence = [],
            Decisions = (Titration.Decisions ?? []).Select(d => d with { Readings = [], Reason = null }).ToList(),
        },
    };

    private static RegimenVersionView Hide(RegimenVersionView v) => v with
    {
        TitrationSteps = v.TitrationSteps.Select(s => s with { HoldScale = null, HoldComparison = null, HoldThreshold = null }).ToList(),
    };
}

public sealed record DayLimitsView(DateOnly Day, decimal GramsPerAdministration, string GramsPerAdministrationBasis, int MaxAdministrations,
    decimal MaxGramsPerDay, string MaxGramsPerDayBasis);

/// <summary>A dose: <see cref="GivenAt"/> defaults to now; <see cref="LotId"/> may be omitted only in a patient's report.</summary>
/// <summary>A dose: <c>status</c> given (the default), held, refused or missed; every status but given needs
/// <c>reason</c> and takes no grams or lot. <c>note</c> is the giver's note.</summary>
public sealed record DoseRequest([Http.ClinicalTime] DateTimeOffset? GivenAt, decimal? Grams, Guid? LotId, bool ConfirmLegalWarning = false,
    [System.ComponentModel.DataAnnotations.MaxLength(16)] string? Status = null,
    [System.ComponentModel.DataAnnotations.MaxLength(500)] string? Reason = null,
    [System.ComponentModel.DataAnnotations.MaxLength(1000)] string? Note = null);

public sealed record DoseView(Guid Id, Guid PatientId, Guid? RegimenId, int? RegimenVersion, Guid? LotId, string? LotCode,
    DateTimeOffset GivenAt, decimal Grams, string Source, bool PatientReported, decimal? MitragynineMg, decimal? SevenHydroxyMg,
    bool AlkaloidEstimate, string AlkaloidBasis, IReadOnlyList<string> Alerts, string Status = "given", string? StatusReason = null, string? Note = null);


public sealed record DailyDoseView(DateOnly Day, decimal Grams, int Administrations, decimal? MitragynineMg, decimal? SevenHydroxyMg,
    bool Estimate, bool UpperBound, decimal? CeilingGrams, string? CeilingBasis);

public sealed record ScorePointView(string Scale, DateTimeOffset TakenAt, DateOnly Day, int Total);

public sealed record DoseChartView(Guid PatientId, DateOnly From, DateOnly To, IReadOnlyList<DailyDoseView> Days, IReadOnlyList<ScorePointView> Scores);

public sealed record ExposedPatientView(Guid PatientId, string DisplayName, bool ActiveRegimenOnLot, int DosesInWindow,
    DateTimeOffset? LastDoseAt);

public sealed record LotExposureView(Guid LotId, string LotCode, string State, DateTimeOffset? RecalledAt, int WindowDays,
    DateTimeOffset WindowFrom, IReadOnlyList<ExposedPatientView> Patients);

