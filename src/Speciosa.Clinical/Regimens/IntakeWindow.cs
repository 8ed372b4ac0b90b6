namespace Speciosa.Clinical.Regimens;

/// <summary>Seven clinic days, <see cref="FirstDay"/> to <see cref="LastDay"/> inclusive, and the mean a day of the
/// measure over all seven (days with no logged dose count as zero).</summary>
public sealed record IntakeWindow(DateOnly FirstDay, DateOnly LastDay, decimal MeanPerDay)
{
    public const int Days = 7;

    internal static IntakeWindow Ending(DateOnly lastDay, IReadOnlyList<DailyIntake> intake, EscalationMeasure measure)
    {
        var first = lastDay.AddDays(-(Days - 1));
        var total = intake
            .Where(d => d.Day >= first && d.Day <= lastDay)
            .Sum(d => measure == EscalationMeasure.GramsPerDay ? d.Grams : d.Administrations);
        return new IntakeWindow(first, lastDay, total / Days);
    }
}
