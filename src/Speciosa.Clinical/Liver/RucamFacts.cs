namespace Speciosa.Clinical.Liver;

public enum PatientSex
{
    Female,
    Male,
}

/// <summary>What the record knows for a RUCAM worksheet; null means unknown (the item is left to the
/// clinician). Dates are passed in; days are whole elapsed days between them.</summary>
/// <param name="Form">Which scale; see <see cref="RucamWorksheet.FormFor"/>.</param>
/// <param name="FirstDose">First dose of the current exposure (of the re-exposure when <paramref name="Rechallenge"/>).</param>
/// <param name="LastDose">Last dose; null while the product is still being taken.</param>
/// <param name="Onset">Onset of the liver injury.</param>
/// <param name="Panels">The patient's liver panels, for the course after stopping (item 2).</param>
public sealed record RucamFacts(
    RucamForm Form,
    DateTimeOffset? FirstDose,
    DateTimeOffset? LastDose,
    DateTimeOffset? Onset,
    IReadOnlyList<LiverPanel> Panels,
    bool Rechallenge = false,
    int? AgeYears = null,
    PatientSex? Sex = null,
    decimal? AlcoholDrinksPerDay = null,
    bool? Pregnant = null)
{
    public bool StillTaking => LastDose is null;
}
