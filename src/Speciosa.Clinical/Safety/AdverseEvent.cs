namespace Speciosa.Clinical.Safety;

/// <summary>A validated adverse event: CTCAE grade 1-5, a term (catalogued or described), onset not in the future,
/// and typed outcome, relatedness and seriousness criteria. Only <see cref="AdverseEventValidation"/> makes one.</summary>
public sealed record AdverseEvent(
    string Reference,
    AdverseEventTerm? Term,
    string TermText,
    int Grade,
    DateTimeOffset Onset,
    DateTimeOffset? ResolvedAt,
    AdverseEventOutcome Outcome,
    Relatedness Relatedness,
    IReadOnlyList<SeriousnessCriterion> SeriousnessCriteria);
