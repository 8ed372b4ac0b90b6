namespace Speciosa.Clinical.Withdrawal.Course;

/// <summary>A window of the expected course in hours after the last use, with how it was derived, the source
/// ids it rests on and whether it is unconfirmed (fewer than two agreeing sources).</summary>
public sealed record HoursWindow
{
    public required int FromHours { get; init; }
    public required int ToHours { get; init; }
    public bool Unconfirmed { get; init; }
    public required string Basis { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
}
