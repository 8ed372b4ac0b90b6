namespace Speciosa.Clinical.Liver;

/// <summary>A patient's peak values as multiples of ULN across panels (each value against its own
/// lab's ULN), plus the ALP at onset that Hy's law reads for "without initial cholestasis": the ALP of
/// the first panel in which ALT or AST reached 3 × ULN (null if that panel had no ALP or none did).</summary>
public sealed record LiverPeaks(
    UlnMultiple? Alt,
    UlnMultiple? Ast,
    UlnMultiple? Alp,
    UlnMultiple? TotalBilirubin,
    UlnMultiple? Ggt,
    UlnMultiple? AlpAtAminotransferaseOnset)
{
    public static LiverPeaks From(IReadOnlyList<LiverPanel> panels)
    {
        var onset = panels.FirstOrDefault(p =>
            p.TimesUln(LiverTest.Alt) is { } alt && alt.IsAtLeast(HysLaw.AminotransferaseTimesUln)
            || p.TimesUln(LiverTest.Ast) is { } ast && ast.IsAtLeast(HysLaw.AminotransferaseTimesUln));
        return new LiverPeaks(
            Peak(panels, LiverTest.Alt),
            Peak(panels, LiverTest.Ast),
            Peak(panels, LiverTest.Alp),
            Peak(panels, LiverTest.TotalBilirubin),
            Peak(panels, LiverTest.Ggt),
            onset?.TimesUln(LiverTest.Alp));
    }

    private static UlnMultiple? Peak(IEnumerable<LiverPanel> panels, LiverTest test)
    {
        UlnMultiple? peak = null;
        foreach (var panel in panels)
        {
            if (panel.TimesUln(test) is { } m && (peak is not { } p || m.IsGreaterThan(p)))
            {
                peak = m;
            }
        }

        return peak;
    }
}
