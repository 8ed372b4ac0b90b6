namespace Speciosa.Clinical.Liver;

/// <summary>Potential Hy's law on peak values (FDA 2009 DILI guidance [KS-S14][KS-S15]): ALT or AST
/// ≥ 3 × ULN and total bilirubin &gt; 2 × ULN (FDA's strict "&gt;2×"; some tools use ≥ [KS-S16]) without
/// initial cholestasis, read as ALP &lt; 2 × ULN [KS-S16]. "No other explanation" (viral hepatitis,
/// liver disease, another hepatotoxic drug) is the clinician's review: hence "potential".
/// When ALP at onset is unknown, cholestasis is not excluded and the case still counts as potential,
/// with <see cref="NoInitialCholestasis"/> null so the reader sees why.</summary>
public sealed record HysLaw(bool AminotransferaseCriterion, bool BilirubinCriterion, bool? NoInitialCholestasis, LiverPeaks Peaks)
{
    public const decimal AminotransferaseTimesUln = 3m;
    public const decimal BilirubinAboveTimesUln = 2m;
    public const decimal CholestasisAlpTimesUln = 2m;
    public const string Threshold = "ALT or AST ≥ 3 × ULN and total bilirubin > 2 × ULN, with ALP < 2 × ULN";

    public bool IsPotentialHysLaw => AminotransferaseCriterion && BilirubinCriterion && NoInitialCholestasis != false;

    public static HysLaw Evaluate(LiverPeaks peaks)
    {
        var aminotransferase =
            peaks.Alt is { } alt && alt.IsAtLeast(AminotransferaseTimesUln)
            || peaks.Ast is { } ast && ast.IsAtLeast(AminotransferaseTimesUln);
        var bilirubin = peaks.TotalBilirubin is { } b && b.IsAbove(BilirubinAboveTimesUln);
        bool? noCholestasis = peaks.AlpAtAminotransferaseOnset is { } alp ? alp.IsBelow(CholestasisAlpTimesUln) : null;
        return new HysLaw(aminotransferase, bilirubin, noCholestasis, peaks);
    }
}
