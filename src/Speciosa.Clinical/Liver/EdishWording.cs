namespace Speciosa.Clinical.Liver;

/// <summary>The eDISH quadrant in words, always beside the Hy's law verdict, so the two never read as contradicting
/// each other (clinical audit §2.12): the quadrant reads ALT and bilirubin only, while Hy's law also reads AST and
/// ALP. E.g. "upper-right quadrant; Hy's law not met (ALP ≥ 2 × ULN)".</summary>
public static class EdishWording
{
    public static string Describe(EdishQuadrant quadrant, HysLaw hysLaw)
    {
        ArgumentNullException.ThrowIfNull(hysLaw);
        var place = quadrant switch
        {
            EdishQuadrant.PotentialHysLaw => "upper-right quadrant",
            EdishQuadrant.TemplesCorollary => "lower-right quadrant (Temple's corollary: ALT ≥ 3 × ULN without bilirubin > 2 × ULN)",
            EdishQuadrant.HyperbilirubinaemiaOrCholestasis => "upper-left quadrant (bilirubin > 2 × ULN without ALT ≥ 3 × ULN)",
            _ => "lower-left quadrant (normal or near normal)",
        };
        return place + "; " + Verdict(hysLaw);
    }

    /// <summary>The Hy's law verdict in words, with the reason when not met.</summary>
    public static string Verdict(HysLaw hysLaw)
    {
        ArgumentNullException.ThrowIfNull(hysLaw);
        if (hysLaw.IsPotentialHysLaw)
        {
            var viaAst = hysLaw.Peaks.Alt is not { } alt || !alt.IsAtLeast(HysLaw.AminotransferaseTimesUln) ? " through AST ≥ 3 × ULN" : "";
            return hysLaw.NoInitialCholestasis is null
                ? $"potential Hy's law{viaAst}: ALP at onset not measured, so cholestasis is not excluded; needs case review now"
                : $"potential Hy's law{viaAst}: needs case review now (not automatically a Hy's law case)";
        }

        var reasons = new List<string>();
        if (!hysLaw.AminotransferaseCriterion)
        {
            reasons.Add("ALT and AST < 3 × ULN");
        }

        if (!hysLaw.BilirubinCriterion)
        {
            reasons.Add("total bilirubin ≤ 2 × ULN or not measured");
        }

        if (hysLaw.NoInitialCholestasis == false)
        {
            reasons.Add("ALP ≥ 2 × ULN");
        }

        return "Hy's law not met (" + string.Join("; ", reasons) + ")";
    }
}
