namespace Speciosa.Clinical.Jurisdictions;

/// <summary>Whether supply may go ahead for this patient (and lot) where they are, with every reason:
/// refusals first, then the warnings a clinician must confirm.</summary>
public sealed record EnforcementDecision(
    EnforcementOutcome Outcome,
    IReadOnlyList<EnforcementReason> Reasons,
    ApplicableLegalStatus Applicable)
{
    public IEnumerable<EnforcementReason> Refusals => Reasons.Where(r => r.Refuses);

    public IEnumerable<EnforcementReason> Warnings => Reasons.Where(r => !r.Refuses);
}
