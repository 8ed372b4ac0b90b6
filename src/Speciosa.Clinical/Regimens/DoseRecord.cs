namespace Speciosa.Clinical.Regimens;

/// <summary>A dose given or reported: when, how many grams, from which lot (null when a patient does not know).</summary>
public sealed record DoseRecord(DateTimeOffset TakenAt, decimal Grams, string? LotId, DoseSource Source);
