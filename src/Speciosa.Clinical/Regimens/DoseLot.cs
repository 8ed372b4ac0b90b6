namespace Speciosa.Clinical.Regimens;

/// <summary>The lot a dose came from and its release state at the time of the check.</summary>
public sealed record DoseLot(string LotId, LotStatus Status);
