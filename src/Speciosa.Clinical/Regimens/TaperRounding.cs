namespace Speciosa.Clinical.Regimens;

/// <summary>The taper rounding rule: to the nearest multiple of the clinician's step, a half step rounding up
/// (the slower taper, in line with CDC "or more slowly"); never below zero; never above the previous week.
/// When a reduction of the current dose rounds back to the current dose (or above it), the week drops to the
/// next multiple of the step below the current dose, so a percent-of-current taper always reaches zero.</summary>
public static class TaperRounding
{
    public static decimal ToStep(decimal grams, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return grams <= 0m ? 0m : Math.Round(grams / step, MidpointRounding.AwayFromZero) * step;
    }

    /// <summary>The next multiple of the step strictly below <paramref name="grams"/>, not below zero.</summary>
    public static decimal StepBelow(decimal grams, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return Math.Max(0m, (Math.Ceiling(grams / step) - 1m) * step);
    }
}
