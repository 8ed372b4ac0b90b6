namespace Speciosa.Clinical.Regimens;

/// <summary>Days the clinician planned with no doses, from <see cref="FirstDay"/> to <see cref="LastDay"/> inclusive.</summary>
public sealed record PlannedBreak(DateOnly FirstDay, DateOnly LastDay, string? Reason = null)
{
    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public override string ToString() => $"{DosingText.Day(FirstDay)} to {DosingText.Day(LastDay)}";
}
