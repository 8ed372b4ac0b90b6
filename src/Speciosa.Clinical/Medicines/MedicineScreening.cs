namespace Speciosa.Clinical.Medicines;

/// <summary>The screening answer for one medicine. <see cref="Matches"/> is empty unless
/// <see cref="Outcome"/> is <see cref="ScreeningOutcome.InteractionsFound"/>. <see cref="UnrecognisedClasses"/>
/// lists recorded class ids the catalogue does not know (ignored in matching, shown so they can be corrected).</summary>
public sealed record MedicineScreening(
    ScreenedMedicine Medicine,
    ScreeningOutcome Outcome,
    CataloguedMedicine? CatalogueEntry,
    IReadOnlyList<MedicineClass> Classes,
    IReadOnlyList<string> UnrecognisedClasses,
    IReadOnlyList<InteractionMatch> Matches)
{
    /// <summary>The words to show for the outcome.</summary>
    public string Summary => Outcome switch
    {
        ScreeningOutcome.InteractionsFound => $"{Matches.Count} interaction rule(s) match.",
        ScreeningOutcome.NoKnownInteraction => "No known interaction in this rule base (classes: " + string.Join(", ", Classes.Select(c => c.ClassId)) + ").",
        ScreeningOutcome.ClassTooBroad => "Class too broad to screen (" + string.Join(", ", Classes.Select(c => c.ClassId)) + "): its members differ in what matters with kratom, so absence of an alert says nothing. Name the medicine or record its specific classes.",
        _ => "No data: no recognised drug class was recorded and the medicine is not in the class catalogue. Absence of an alert says nothing; record its classes.",
    };
}
