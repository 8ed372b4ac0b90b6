namespace Speciosa.Clinical.Medicines;

/// <summary>A recognised drug class of a screened medicine and where it came from.</summary>
public sealed record MedicineClass(string ClassId, ClassOrigin Origin);
