namespace Speciosa.Clinical.Safety;

/// <summary>An adverse event as entered, before validation. <see cref="Reference"/> is the caller's id for the
/// event (it keys the alert). Give a catalogued <see cref="TermId"/>, or leave it empty and describe the event in
/// <see cref="OtherTerm"/>. Outcome, relatedness and criteria use the codes in <see cref="AdverseEventCodes"/>.</summary>
public sealed record AdverseEventReport(
    string Reference,
    string? TermId,
    string? OtherTerm,
    int Grade,
    DateTimeOffset Onset,
    DateTimeOffset? ResolvedAt,
    string Outcome,
    string Relatedness,
    IReadOnlyList<string> SeriousnessCriteria);
