namespace Speciosa.Clinical.Regimens;

/// <summary>The highest mitragynine of any clinic day over the <see cref="Days"/> days ending <see cref="LastDay"/>, from
/// the doses recorded (staff-given and patient-reported alike) and each dose's lot content
/// (<see cref="DailyAlkaloidTotal"/>). Days whose content is unknown (a dose without a lot, or a lot without a certificate or
/// label claim) cannot be judged: they are counted, never guessed. Information for rules that ask whether intake is high
/// (the ECG prompt, the seizure-risk flag); it never fills in or changes a dose.</summary>
public sealed record IntakePeak(
    DateOnly FirstDay,
    DateOnly LastDay,
    int DaysWithDoses,
    int DaysWithUnknownContent,
    DateOnly? PeakDay,
    decimal? PeakMitragynineMg,
    bool PeakIsEstimate,
    bool PeakIsUpperBound)
{
    public const int Days = 14;

    /// <summary>The peak over the days given (a day's total is null when its content is unknown). Days outside the
    /// window are ignored; on a tie the later day is the peak.</summary>
    public static IntakePeak Over(IReadOnlyList<(DateOnly Day, DailyAlkaloidTotal? Total)> days, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(days);
        var firstDay = lastDay.AddDays(-(Days - 1));
        var within = days.Where(d => d.Day >= firstDay && d.Day <= lastDay).ToList();
        var known = within.Where(d => d.Total?.MitragynineMg is not null)
            .OrderByDescending(d => d.Total!.MitragynineMg).ThenByDescending(d => d.Day).FirstOrDefault();
        return new IntakePeak(firstDay, lastDay, within.Select(d => d.Day).Distinct().Count(),
            within.Count(d => d.Total?.MitragynineMg is null),
            known.Total is null ? null : known.Day, known.Total?.MitragynineMg,
            known.Total?.IsEstimate ?? false, known.Total?.IsUpperBound ?? false);
    }

    /// <summary>Nothing recorded in the window.</summary>
    public static IntakePeak None(DateOnly lastDay) => Over([], lastDay);
}
