namespace Speciosa.Clinical.Regimens;

/// <summary>A lot's release state as the quality team set it, passed in by the caller.</summary>
public enum LotStatus
{
    Released = 0,

    /// <summary>Not (yet) released: awaiting its certificate, quarantined or rejected.</summary>
    NotReleased = 1,

    Recalled = 2,
}
