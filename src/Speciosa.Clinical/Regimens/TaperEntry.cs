namespace Speciosa.Clinical.Regimens;

/// <summary>From <see cref="StartsOn"/> until the next entry, at most <see cref="GramsPerDay"/> a day.
/// <see cref="Basis"/> shows the arithmetic behind a generated entry (or the clinician's note on an edit).</summary>
public sealed record TaperEntry(DateOnly StartsOn, decimal GramsPerDay, string? Basis = null);
