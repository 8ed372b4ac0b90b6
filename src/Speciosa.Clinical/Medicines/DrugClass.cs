namespace Speciosa.Clinical.Medicines;

/// <summary>A drug class the rule base speaks of (e.g. <c>opioid</c>, <c>cyp3a-narrow-substrate</c>).</summary>
public sealed record DrugClass(string Id, string Name);
