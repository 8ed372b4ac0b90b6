namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>A window of the expected course as absolute times (inclusive), with the figures it came from.</summary>
public sealed record CourseWindow(DateTimeOffset From, DateTimeOffset To, HoursWindow Figures)
{
    /// <summary>True when <paramref name="at"/> lies within From..To inclusive.</summary>
    public bool Contains(DateTimeOffset at) => at >= From && at <= To;
}
