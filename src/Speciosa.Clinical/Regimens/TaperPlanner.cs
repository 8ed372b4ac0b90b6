namespace Speciosa.Clinical.Regimens;

/// <summary>Generates a week-by-week taper-off calendar from the clinician's choice of method and rounding step.
/// The first entry, on the start date, is the first reduced week; each entry lasts seven days; the last entry
/// is zero (stop). Rounding follows <see cref="TaperRounding"/>. For percent of the starting dose and CDC
/// phase 1, each week is computed from the starting dose and then rounded, so rounding errors never accumulate;
/// for percent of the current dose and CDC phase 2, from the previous (rounded) week, the dose the patient takes.</summary>
public static class TaperPlanner
{
    /// <summary>CDC 2022: 10% of the original dose off each week (clinical-instruments.md section 5).</summary>
    public const decimal CdcWeeklyReduction = 0.10m;

    /// <summary>CDC 2022: phase 2 (10% of the remaining dose a week) starts once 30% of the original remains.</summary>
    public const decimal CdcSwitchRemaining = 0.30m;

    private const int MaxWeeks = 10_000;

    public static TaperCalendar Plan(TaperSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.StartingGramsPerDay);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.RoundingStepGrams);
        var share = ShareFor(settings);

        var start = settings.StartingGramsPerDay;
        var step = settings.RoundingStepGrams;
        var entries = new List<TaperEntry>();
        var previous = start;
        for (var week = 1; previous > 0m || entries.Count == 0; week++)
        {
            if (week > MaxWeeks)
            {
                throw new InvalidOperationException("Taper did not reach zero.");
            }

            var (next, basis) = settings.Method switch
            {
                TaperMethod.PercentOfStartingDose => OfStarting(start, share, week, previous, step),
                TaperMethod.PercentOfCurrentDose => OfCurrent(previous, share, step),
                _ => 1m - (week * CdcWeeklyReduction) >= CdcSwitchRemaining
                    ? Phase("CDC phase 1", OfStarting(start, share, week, previous, step))
                    : Phase("CDC phase 2", OfCurrent(previous, share, step)),
            };
            entries.Add(new TaperEntry(settings.StartDate.AddDays(7 * (week - 1)), next, basis));
            previous = next;
        }

        return new TaperCalendar(entries) { GeneratedFrom = settings };
    }

    private static decimal ShareFor(TaperSettings settings)
    {
        if (settings.Method == TaperMethod.Cdc2022TwoPhase)
        {
            return CdcWeeklyReduction;
        }

        if (!Enum.IsDefined(settings.Method))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Method, "Unknown taper method.");
        }

        var share = settings.WeeklyReduction
            ?? throw new ArgumentException("A percent taper needs the weekly reduction the clinician chose.", nameof(settings));
        return share is > 0m and <= 1m
            ? share
            : throw new ArgumentOutOfRangeException(nameof(settings), share, "The weekly reduction is a share above 0 and at most 1.");
    }

    private static (decimal Grams, string Basis) OfStarting(decimal start, decimal share, int week, decimal previous, decimal step)
    {
        var exact = start - (week * share * start);
        var rounded = Math.Min(TaperRounding.ToStep(exact, step), previous);
        var text = $"{DosingText.Grams(start)} − {week} × {DosingText.Percent(share)} of the starting dose = {DosingText.Grams(Math.Max(0m, exact))}";
        return (rounded, Rounded(text, rounded, Math.Max(0m, exact)));
    }

    private static (decimal Grams, string Basis) OfCurrent(decimal previous, decimal share, decimal step)
    {
        var exact = previous * (1m - share);
        var rounded = TaperRounding.ToStep(exact, step);
        var text = $"{DosingText.Grams(previous)} − {DosingText.Percent(share)} of the current dose = {DosingText.Grams(exact)}";
        if (rounded >= previous)
        {
            var below = TaperRounding.StepBelow(previous, step);
            return (below, $"{text}, rounds back to {DosingText.Grams(rounded)}: one rounding step down to {DosingText.Grams(below)}");
        }

        return (rounded, Rounded(text, rounded, exact));
    }

    private static string Rounded(string text, decimal rounded, decimal exact) =>
        rounded == exact ? text : $"{text}, rounded to {DosingText.Grams(rounded)}";

    private static (decimal Grams, string Basis) Phase(string phase, (decimal Grams, string Basis) week) =>
        (week.Grams, $"{phase}: {week.Basis}");
}
