namespace Speciosa.Clinical.Safety;

/// <summary>Either a validated <see cref="Event"/> (no problems) or the problems (no event).</summary>
public sealed record AdverseEventValidationResult(AdverseEvent? Event, IReadOnlyList<AdverseEventProblem> Problems)
{
    public bool IsValid => Event is not null;
}
