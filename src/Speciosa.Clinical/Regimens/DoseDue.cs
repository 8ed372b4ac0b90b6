using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Regimens;

/// <summary>Why a dose is, or is not, due on a clinic day under an order.</summary>
public enum DoseDueReason
{
    /// <summary>The order covers the day, it is no break day and the taper (if any) still allows grams.</summary>
    Due,

    /// <summary>The day is before the order's start or after its end.</summary>
    OutsideRegimen,

    /// <summary>The day falls in a break the clinician planned (its first and last day included).</summary>
    PlannedBreak,

    /// <summary>The taper calendar's entry for the day is 0 g a day: from the day the taper reaches zero on.</summary>
    TaperAtZero,
}

/// <summary>Whether a dose is due on a day, why not, and the words a nurse reads.</summary>
public sealed record DoseDueDecision(DateOnly Day, DoseDueReason Reason, string Words)
{
    public bool Due => Reason == DoseDueReason.Due;
}

/// <summary>Whether a dose is due on a clinic day under an order (rule HOME-DOSE-DUE, issue 15: the role home's "doses due" and the
/// round). The clinician's own order decides (<see cref="Source"/>, clinic policy): a dose is due on a day the order covers, except on
/// a planned break's days (first and last included: <see cref="DoseCheck"/> flags a dose then) and from the day the taper calendar
/// reaches 0 g a day (the daily limit is then zero: <see cref="DayLimits"/>). The day after a break ends a dose is due again.</summary>
public static class DoseDue
{
    public const string RuleId = "HOME-DOSE-DUE";

    public static Source Source => DosingSources.ClinicPolicy;

    public static DoseDueDecision On(RegimenOrder order, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.Covers(day))
        {
            return new DoseDueDecision(day, DoseDueReason.OutsideRegimen, "No regimen covers today: no dose is due.");
        }

        if (order.BreakOn(day) is { } pause)
        {
            return new DoseDueDecision(day, DoseDueReason.PlannedBreak,
                $"No dose is due: planned break {pause}{(pause.Reason is { } r ? $" ({r})" : string.Empty)}.");
        }

        if (order.Taper?.EntryOn(day) is { GramsPerDay: <= 0 } zero)
        {
            return new DoseDueDecision(day, DoseDueReason.TaperAtZero,
                $"No dose is due: the taper reached 0 g a day on {DosingText.Day(zero.StartsOn)}.");
        }

        return new DoseDueDecision(day, DoseDueReason.Due, "A dose is due.");
    }
}
