namespace Speciosa.Clinical.Liver;

/// <summary>eDISH quadrant of a patient's peak ALT (x) and peak total bilirubin (y) as multiples of ULN,
/// with reference lines at ALT = 3 × ULN and bilirubin = 2 × ULN [KS-S16][KS-S17][KS-S18].</summary>
public enum EdishQuadrant
{
    /// <summary>Lower-left: normal or near-normal.</summary>
    NormalOrNearNormal,

    /// <summary>Lower-right: Temple's corollary (ALT raised without hyperbilirubinaemia).</summary>
    TemplesCorollary,

    /// <summary>Upper-left: hyperbilirubinaemia or cholestasis (e.g. Gilbert's syndrome).</summary>
    HyperbilirubinaemiaOrCholestasis,

    /// <summary>Upper-right: potential Hy's law; needs case review, not automatically a Hy's law case.</summary>
    PotentialHysLaw,
}
