namespace Speciosa.Clinical.Medicines;

/// <summary>A medicine or substance the patient takes, as the clinician recorded it: its name, an optional
/// RxNorm code and the drug class ids they assigned (may be empty).</summary>
public sealed record ScreenedMedicine(string Name, string? RxNorm, IReadOnlyList<string> Classes)
{
    public ScreenedMedicine(string name)
        : this(name, null, [])
    {
    }

    /// <summary>The part of an alert's condition key naming this medicine: the RxNorm code when recorded,
    /// else the name in lower case.</summary>
    public string Key =>
        string.IsNullOrWhiteSpace(RxNorm) ? "name:" + Name.Trim().ToLowerInvariant() : "rxnorm:" + RxNorm.Trim();
}
