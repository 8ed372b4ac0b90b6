namespace Speciosa.Web.Regimens.Pages;

/// <summary>The regimen editor's form: the order's fields, one planned break and the clinician's uniform titration rule
/// (written out as explicit steps by the core). Empty titration fields keep the current version's steps.</summary>
public sealed class RegimenForm
{
    public Guid? ProductId { get; set; }
    public string? LotId { get; set; }
    public decimal? GramsPerAdministration { get; set; }
    public int? MaxAdministrationsPerDay { get; set; }
    public decimal? MaxGramsPerDay { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateOnly? BreakFirstDay { get; set; }
    public DateOnly? BreakLastDay { get; set; }
    public string? BreakReason { get; set; }
    public decimal? TitrationIncrease { get; set; }
    public int? TitrationEveryDays { get; set; }
    public decimal? TitrationCeiling { get; set; }
    public string? HoldScale { get; set; }
    public string? HoldComparison { get; set; }
    public int? HoldThreshold { get; set; }
    public string? Reason { get; set; }
    public bool ConfirmLegalWarning { get; set; }
    public Guid? ConcurrencyStamp { get; set; }
}

/// <summary>The "step due" decision: the step, confirm (with the tick) or decline (with a reason).</summary>
public sealed class StepDecisionForm
{
    public int? StepNumber { get; set; }
    public string? Action { get; set; }
    public bool ConfirmTick { get; set; }
    public string? Reason { get; set; }
}

public sealed class DoseForm
{
    public DateTime? GivenAtLocal { get; set; }
    public decimal? Grams { get; set; }
    public string? LotId { get; set; }
    public bool ConfirmLegalWarning { get; set; }
}

public sealed class TaperGenerateForm
{
    public string? Method { get; set; }
    public DateOnly? StartDate { get; set; }
    public decimal? StartingGramsPerDay { get; set; }
    public decimal? RoundingStepGrams { get; set; }
    public decimal? WeeklyReductionPercent { get; set; }
    public string? UseDuration { get; set; }
}

public sealed class TaperSaveForm
{
    public List<TaperEntryForm> Entries { get; set; } = [];
    public bool IncreasesAllowed { get; set; }
    public string? Reason { get; set; }
    public bool ConfirmLegalWarning { get; set; }
    public Guid? ConcurrencyStamp { get; set; }
    public string? Method { get; set; }
    public DateOnly? StartDate { get; set; }
    public decimal? StartingGramsPerDay { get; set; }
    public decimal? RoundingStepGrams { get; set; }
    public decimal? WeeklyReductionPercent { get; set; }
    public string? UseDuration { get; set; }
}

public sealed class TaperEntryForm
{
    public DateOnly StartsOn { get; set; }
    public decimal GramsPerDay { get; set; }
    public string? Basis { get; set; }
}
