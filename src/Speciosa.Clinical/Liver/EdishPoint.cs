namespace Speciosa.Clinical.Liver;

/// <summary>A patient's point on the eDISH plot. Edges follow the Hy's law convention used here: right
/// of the line from ALT ≥ 3 × ULN, above it from bilirubin &gt; 2 × ULN (a point exactly at 2 × ULN is
/// below). The quadrant reads ALT only, as the plot's x-axis does; Hy's law also reads AST.</summary>
public sealed record EdishPoint(UlnMultiple PeakAlt, UlnMultiple PeakBilirubin)
{
    public EdishQuadrant Quadrant
    {
        get
        {
            var right = PeakAlt.IsAtLeast(HysLaw.AminotransferaseTimesUln);
            var upper = PeakBilirubin.IsAbove(HysLaw.BilirubinAboveTimesUln);
            return (right, upper) switch
            {
                (true, true) => EdishQuadrant.PotentialHysLaw,
                (true, false) => EdishQuadrant.TemplesCorollary,
                (false, true) => EdishQuadrant.HyperbilirubinaemiaOrCholestasis,
                _ => EdishQuadrant.NormalOrNearNormal,
            };
        }
    }

    /// <summary>The point for <paramref name="peaks"/>, or null without both ALT and bilirubin.</summary>
    public static EdishPoint? From(LiverPeaks peaks) =>
        peaks.Alt is { } alt && peaks.TotalBilirubin is { } bilirubin ? new EdishPoint(alt, bilirubin) : null;
}
