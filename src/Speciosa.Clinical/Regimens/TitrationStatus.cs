namespace Speciosa.Clinical.Regimens;

/// <summary>Where a titration stands on a day: the steps started so far (the last is current) and the next step, if any.</summary>
public sealed record TitrationStatus(DateOnly AsOf, IReadOnlyList<TitrationStepStart> Started, NextTitrationStep? Next)
{
    /// <summary>The step in effect on <see cref="AsOf"/>; null before the regimen starts.</summary>
    public TitrationStepStart? Current => Started.Count == 0 ? null : Started[^1];

    public bool IsComplete => Next is null;

    /// <summary>Grams per administration in effect on a day up to <see cref="AsOf"/>; null before the regimen starts.</summary>
    public decimal? GramsPerAdministrationOn(DateOnly day) =>
        day > AsOf ? throw new ArgumentOutOfRangeException(nameof(day), "Evaluate the schedule as of that day.")
            : Started.LastOrDefault(s => s.StartedOn <= day)?.GramsPerAdministration;
}
