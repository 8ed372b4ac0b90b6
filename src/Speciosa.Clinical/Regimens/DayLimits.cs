namespace Speciosa.Clinical.Regimens;

/// <summary>What the order allows on one day, each limit with the words that say where it comes from:
/// the per-administration grams (the titration step a clinician confirmed, or the order), the administrations (the order)
/// and the daily grams (the order's maximum, lowered to the taper calendar's figure from the taper's first day).</summary>
public sealed record DayLimits(
    DateOnly Day,
    decimal GramsPerAdministration,
    string GramsPerAdministrationBasis,
    int MaxAdministrations,
    decimal MaxGramsPerDay,
    string MaxGramsPerDayBasis)
{
    public static DayLimits On(
        RegimenOrder order, DateOnly day, IReadOnlyList<ScoreReading> scores, TimeZoneInfo clinicZone, IReadOnlyList<TitrationDecision>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(order);

        var perDose = order.GramsPerAdministration;
        var perDoseBasis = "the order";
        if (order.Titration is { Steps.Count: > 0 } && day >= order.StartDate)
        {
            var status = TitrationSchedule.Evaluate(order, day, scores, clinicZone, decisions);
            var step = status.Started.Last(s => s.StartedOn <= day);
            perDose = step.GramsPerAdministration;
            perDoseBasis = step.StepNumber == 0
                ? "the order (titration not yet stepped up)"
                : $"titration step {step.StepNumber}, confirmed by the clinician for {DosingText.Day(step.StartedOn)}";
        }

        var daily = order.MaxGramsPerDay;
        var dailyBasis = "the order's daily maximum";
        if (order.Taper?.EntryOn(day) is { } week && week.GramsPerDay < daily)
        {
            daily = week.GramsPerDay;
            dailyBasis = $"taper calendar from {DosingText.Day(week.StartsOn)}";
        }

        return new DayLimits(day, perDose, perDoseBasis, order.MaxAdministrationsPerDay, daily, dailyBasis);
    }
}
