namespace Speciosa.Clinical.Regimens;

/// <summary>The taper rounding rule: up to the next multiple of the clinician's step, so a rounded week is never
/// below the exact figure of the chosen rate (rounding never cuts faster than the rate: CDC 2022 "or more slowly");
/// never below zero. <see cref="StepBelow"/> is the one rounding step down a tail takes when the rate can no longer
/// move the rounded dose (see <see cref="TaperPlanner"/>).</summary>
public static class TaperRounding
{
    public static decimal ToStep(decimal grams, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return grams <= 0m ? 0m : Math.Ceiling(grams / step) * step;
    }

    /// <summary>The next multiple of the step strictly below <paramref name="grams"/>, not below zero.</summary>
    public static decimal StepBelow(decimal grams, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return Math.Max(0m, (Math.Ceiling(grams / step) - 1m) * step);
    }
}
