namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>The expected course of one withdrawal episode as absolute times: the episode starts at the last
/// opioid use and each window is last use + the class's hours. Windows are null where no figure exists.</summary>
public sealed record ExpectedCourse(
    DateTimeOffset LastUse,
    WithdrawalCourseClass Class,
    CourseWindow? Onset,
    CourseWindow? Peak,
    CourseWindow? AcuteEnd)
{
    /// <summary>Places the class's windows after <paramref name="lastUse"/>.</summary>
    public static ExpectedCourse From(WithdrawalCourseClass courseClass, DateTimeOffset lastUse)
    {
        ArgumentNullException.ThrowIfNull(courseClass);
        return new ExpectedCourse(lastUse, courseClass,
            Place(courseClass.Onset, lastUse), Place(courseClass.Peak, lastUse), Place(courseClass.AcuteDuration, lastUse));
    }

    /// <summary>Where <paramref name="at"/> falls in this course; later phases win where windows overlap,
    /// except that a moment inside the peak window is reported as the peak.</summary>
    public WithdrawalPhase PhaseAt(DateTimeOffset at)
    {
        if (at < LastUse)
        {
            return WithdrawalPhase.BeforeEpisode;
        }

        if (AcuteEnd is not null && at > AcuteEnd.To)
        {
            return WithdrawalPhase.PastExpectedDuration;
        }

        if (Peak is not null && Peak.Contains(at))
        {
            return WithdrawalPhase.PeakWindow;
        }

        if (AcuteEnd is not null && at >= AcuteEnd.From)
        {
            return WithdrawalPhase.AcuteEndWindow;
        }

        if (Peak is not null && at > Peak.To)
        {
            return WithdrawalPhase.AfterPeak;
        }

        if (Onset is null)
        {
            return WithdrawalPhase.NotKnown;
        }

        if (at < Onset.From)
        {
            return WithdrawalPhase.BeforeExpectedOnset;
        }

        if (at <= Onset.To)
        {
            return WithdrawalPhase.OnsetWindow;
        }

        return Peak is not null ? WithdrawalPhase.BeforePeak : WithdrawalPhase.AfterOnset;
    }

    private static CourseWindow? Place(HoursWindow? window, DateTimeOffset lastUse) =>
        window is null ? null : new CourseWindow(lastUse.AddHours(window.FromHours), lastUse.AddHours(window.ToHours), window);
}
