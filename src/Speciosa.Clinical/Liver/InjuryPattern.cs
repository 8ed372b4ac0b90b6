namespace Speciosa.Clinical.Liver;

/// <summary>Liver injury pattern from the R ratio (Aithal 2011) [KS-S11][KS-S13].</summary>
public enum InjuryPattern
{
    /// <summary>R ≥ 5.</summary>
    Hepatocellular,

    /// <summary>2 &lt; R &lt; 5.</summary>
    Mixed,

    /// <summary>R ≤ 2.</summary>
    Cholestatic,
}
