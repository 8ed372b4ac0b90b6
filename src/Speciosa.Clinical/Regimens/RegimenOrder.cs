namespace Speciosa.Clinical.Regimens;

/// <summary>The clinician's dosing order for one patient and product, as carried out by Speciosa.
/// Immutable: a change is a new order (versions are kept by the web layer).
/// <see cref="OrderedLotId"/> names a specific released lot, or is null for "any released lot of this product".
/// <see cref="EndDate"/> null means the order runs until changed. Every number is the clinician's: there is no
/// default, not even for the administrations a day (dose frequency tracks dependence, KS-S59).</summary>
public sealed record RegimenOrder(
    decimal GramsPerAdministration,
    decimal MaxGramsPerDay,
    DateOnly StartDate,
    DateOnly? EndDate,
    int MaxAdministrationsPerDay)
{
    public string? OrderedLotId { get; init; }

    public IReadOnlyList<PlannedBreak> Breaks { get; init; } = [];

    public TitrationPlan? Titration { get; init; }

    public TaperCalendar? Taper { get; init; }

    public bool Covers(DateOnly day) => day >= StartDate && (EndDate is not { } end || day <= end);

    public PlannedBreak? BreakOn(DateOnly day) => Breaks.FirstOrDefault(b => b.Contains(day));
}
