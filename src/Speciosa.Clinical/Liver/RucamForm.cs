namespace Speciosa.Clinical.Liver;

/// <summary>Which updated-RUCAM scale applies: hepatocellular (R ≥ 5) or cholestatic/mixed (R &lt; 5) [KS-S21].</summary>
public enum RucamForm
{
    Hepatocellular,
    CholestaticOrMixed,
}
