namespace Speciosa.Clinical.Medicines;

/// <summary>One statement of evidence behind a rule, restated from the reference with its sources.
/// <see cref="Unconfirmed"/> marks a statement the reference itself marks UNCONFIRMED.</summary>
public sealed record InteractionEvidence(
    EvidenceLevel Level,
    EvidenceFinding Finding,
    string Text,
    IReadOnlyList<string> Sources,
    bool Unconfirmed = false);
