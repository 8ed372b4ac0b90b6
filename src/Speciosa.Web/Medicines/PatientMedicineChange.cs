namespace Speciosa.Web.Medicines;

/// <summary>One edit of a medicine's dose, unit, frequency or route (table PatientMedicineChanges, migration M0033): who, when,
/// why, the four fields before and after, and what the re-run interaction screen said. Rows are only ever inserted; a
/// change of name is not an edit (mark the entry in error and add the right medicine).</summary>
public sealed class PatientMedicineChange
{
    public Guid Id { get; set; }
    public Guid MedicineId { get; set; }
    public Guid PatientId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public Guid ChangedByUserId { get; set; }
    public required string Reason { get; set; }
    public string? DoseBefore { get; set; }
    public string? UnitBefore { get; set; }
    public string? FrequencyBefore { get; set; }
    public string? RouteBefore { get; set; }
    public string? DoseAfter { get; set; }
    public string? UnitAfter { get; set; }
    public string? FrequencyAfter { get; set; }
    public string? RouteAfter { get; set; }

    /// <summary>What the re-run screen changed, in words (e.g. "Changing sertraline (dose 50 mg → 100 mg) changed no alert.").</summary>
    public required string Summary { get; set; }
}
