namespace Speciosa.Clinical.Regimens;

/// <summary>Generates a taper-off calendar from the clinician's own choice of method, rate, rounding step and starting
/// dose (none has a default). Conventions:
/// <list type="bullet">
/// <item>The first entry, on the start date, is the first reduced period; each entry lasts a week (a calendar month
/// for the CDC method after a year or more of use); the last entry is zero (stop).</item>
/// <item>Every period is first computed exactly from the starting dose (percent of the starting dose and CDC phase 1:
/// start − k × share × start; percent of the current dose and CDC phase 2: the exact dose of the period before ×
/// (1 − share)), then rounded <em>up</em> to the step (<see cref="TaperRounding"/>) and never above the period before.
/// So no rounded period is below the exact figure of the chosen rate: rounding never cuts faster than the rate.</item>
/// <item>Tail: when the share of the current (rounded) dose is below half a rounding step, the rate can no longer move
/// the rounded dose; from there the dose steps down one rounding step a period. That is a step-down by rounding, not the
/// chosen rate and not CDC, and each such entry says so.</item>
/// <item>The CDC method is an extrapolation: CDC 2022 was written for opioids prescribed for pain, not for kratom.</item>
/// </list></summary>
public static class TaperPlanner
{
    /// <summary>CDC 2022: 10% of the original dose off each week (clinical-instruments.md section 5).</summary>
    public const decimal CdcWeeklyReduction = 0.10m;

    /// <summary>CDC 2022: phase 2 (10% of the remaining dose a week) starts once 30% of the original remains.</summary>
    public const decimal CdcSwitchRemaining = 0.30m;

    /// <summary>The words every CDC entry carries.</summary>
    public const string CdcExtrapolation = "extrapolated from CDC 2022, a guideline for opioids prescribed for pain, not kratom";

    private const int MaxPeriods = 10_000;

    public static TaperCalendar Plan(TaperSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.StartingGramsPerDay);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.RoundingStepGrams);
        var share = ShareFor(settings);
        var cdc = settings.Method == TaperMethod.Cdc2022TwoPhase;
        var monthly = cdc && settings.UseDuration == TaperUseDuration.OneYearOrMore;
        var unit = monthly ? "month" : "week";

        var start = settings.StartingGramsPerDay;
        var step = settings.RoundingStepGrams;
        var entries = new List<TaperEntry>();
        var previous = start;
        var exact = start;
        for (var k = 1; previous > 0m || entries.Count == 0; k++)
        {
            if (k > MaxPeriods)
            {
                throw new InvalidOperationException("Taper did not reach zero.");
            }

            (decimal Grams, string Basis) period;
            var phaseOne = cdc && 1m - (k * CdcWeeklyReduction) >= CdcSwitchRemaining;
            if (settings.Method == TaperMethod.PercentOfStartingDose || phaseOne)
            {
                exact = start - (k * share * start);
                period = OfStarting(start, share, k, exact, previous, step);
            }
            else if (share * previous < step / 2m)
            {
                var below = TaperRounding.StepBelow(previous, step);
                period = (below, $"step-down by rounding ({(cdc ? "not CDC" : "not the chosen rate")}): {DosingText.Percent(share)} of {DosingText.Grams(previous)} is {DosingText.ExactGrams(share * previous)}, below half the {DosingText.Grams(step)} rounding step; one step down to {DosingText.Grams(below)}");
            }
            else
            {
                var before = exact;
                exact = before * (1m - share);
                period = OfCurrent(before, share, exact, previous, step);
            }

            var basis = cdc && !period.Basis.StartsWith("step-down", StringComparison.Ordinal)
                ? $"CDC 2022 {(phaseOne ? "phase 1" : "phase 2")}{(monthly ? ", a year or more of use (10% a month or slower)" : string.Empty)}, {CdcExtrapolation}: {unit} {k}: {period.Basis}"
                : $"{unit} {k}: {period.Basis}";
            var startsOn = monthly ? settings.StartDate.AddMonths(k - 1) : settings.StartDate.AddDays(7 * (k - 1));
            entries.Add(new TaperEntry(startsOn, period.Grams, basis));
            previous = period.Grams;
        }

        return new TaperCalendar(entries) { GeneratedFrom = settings };
    }

    private static decimal ShareFor(TaperSettings settings)
    {
        if (settings.Method == TaperMethod.Cdc2022TwoPhase)
        {
            return settings.UseDuration is { } d && Enum.IsDefined(d)
                ? CdcWeeklyReduction
                : throw new ArgumentException("The CDC method needs the patient's duration of use (CDC 2022 sets the pace by it).", nameof(settings));
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

    private static (decimal Grams, string Basis) OfStarting(decimal start, decimal share, int k, decimal exact, decimal previous, decimal step)
    {
        var rounded = Math.Min(TaperRounding.ToStep(exact, step), previous);
        var text = $"{DosingText.Grams(start)} − {k} × {DosingText.Percent(share)} of the starting dose = {DosingText.ExactGrams(Math.Max(0m, exact))}";
        return (rounded, Rounded(text, rounded, Math.Max(0m, exact)));
    }

    private static (decimal Grams, string Basis) OfCurrent(decimal before, decimal share, decimal exact, decimal previous, decimal step)
    {
        var rounded = Math.Min(TaperRounding.ToStep(exact, step), previous);
        var text = $"{DosingText.ExactGrams(before)} − {DosingText.Percent(share)} of the current dose = {DosingText.ExactGrams(exact)}";
        return (rounded, Rounded(text, rounded, exact));
    }

    private static string Rounded(string text, decimal rounded, decimal exact) =>
        rounded == exact ? text : $"{text}, rounded up to {DosingText.Grams(rounded)}";
}
