namespace Speciosa.Clinical.Liver;

/// <summary>The three biochemical DILI case criteria of the international DILI Expert Working Group
/// (Aithal et al., Clin Pharmacol Ther 2011) [KS-S11][KS-S12][KS-S13]; any one is enough.</summary>
public enum DiliCriterion
{
    /// <summary>ALT ≥ 5 × ULN.</summary>
    AltAtLeast5TimesUln,

    /// <summary>ALP ≥ 2 × ULN (especially with raised GGT and no known bone disease).</summary>
    AlpAtLeast2TimesUln,

    /// <summary>ALT ≥ 3 × ULN and total bilirubin &gt; 2 × ULN.</summary>
    AltAtLeast3TimesUlnWithBilirubinAbove2TimesUln,
}
