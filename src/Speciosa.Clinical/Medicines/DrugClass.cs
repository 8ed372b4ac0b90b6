namespace Speciosa.Clinical.Medicines;

/// <summary>A drug class the rule base speaks of (e.g. <c>opioid</c>, <c>cyp3a-narrow-substrate</c>). A <see cref="Broad"/>
/// class (e.g. <c>antidepressant</c>) groups medicines that differ in what matters for kratom, so it cannot be screened on its
/// own; <see cref="ScreenAs"/> says what to record instead.</summary>
public sealed record DrugClass(string Id, string Name, bool Broad = false, string? ScreenAs = null);
