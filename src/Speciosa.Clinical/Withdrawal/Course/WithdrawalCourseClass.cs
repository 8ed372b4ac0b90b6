namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>An opioid class with its expected onset, peak and acute-duration windows; a window is null where
/// the reference gives no figure (no peak for ER formulations, nothing for illicit fentanyl).</summary>
public sealed record WithdrawalCourseClass
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public bool Unconfirmed { get; init; }
    public HoursWindow? Onset { get; init; }
    public HoursWindow? Peak { get; init; }
    public HoursWindow? AcuteDuration { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}
