using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class HysLawAndEdishTests
{
    private static LiverPeaks Peaks(decimal? alt = null, decimal? ast = null, decimal? bilirubin = null, decimal? alp = null) =>
        LiverPeaks.From([Lab.Panel(alt: alt, ast: ast, bilirubin: bilirubin, alp: alp)]);

    [Theory]
    [InlineData(2.99, 2.01, 1.99, false)]
    [InlineData(3.0, 2.01, 1.99, true)]
    [InlineData(3.0, 2.0, 1.99, false)]
    [InlineData(3.0, 2.01, 2.0, false)]
    public void Potential_hys_law_needs_alt_at_three_times_uln_bilirubin_above_twice_and_alp_below_twice(double alt, double bilirubin, double alp, bool expected)
    {
        var hysLaw = HysLaw.Evaluate(Peaks(alt: (decimal)alt, bilirubin: (decimal)bilirubin, alp: (decimal)alp));

        Assert.Equal(expected, hysLaw.IsPotentialHysLaw);
    }

    [Fact]
    public void Ast_at_three_times_uln_also_meets_the_aminotransferase_criterion()
    {
        var hysLaw = HysLaw.Evaluate(Peaks(alt: 1m, ast: 3m, bilirubin: 2.5m, alp: 1m));

        Assert.True(hysLaw.AminotransferaseCriterion);
        Assert.True(hysLaw.IsPotentialHysLaw);
    }

    [Fact]
    public void Without_alp_at_onset_the_case_stays_potential_and_says_cholestasis_is_not_excluded()
    {
        var hysLaw = HysLaw.Evaluate(Peaks(alt: 4m, bilirubin: 3m));

        Assert.Null(hysLaw.NoInitialCholestasis);
        Assert.True(hysLaw.IsPotentialHysLaw);
    }

    [Fact]
    public void Peaks_may_come_from_different_panels_and_alp_is_read_where_alt_first_reached_three_times_uln()
    {
        var peaks = LiverPeaks.From(
        [
            Lab.Panel(alt: 1m, alp: 3m, bilirubin: 1m, day: 0),
            Lab.Panel(alt: 4m, alp: 1.5m, bilirubin: 1m, day: 7),
            Lab.Panel(alt: 2m, alp: 2.5m, bilirubin: 2.5m, day: 14),
        ]);

        Assert.Equal(4m, peaks.Alt!.Value.Ratio);
        Assert.Equal(2.5m, peaks.TotalBilirubin!.Value.Ratio);
        Assert.Equal(1.5m, peaks.AlpAtAminotransferaseOnset!.Value.Ratio);
        Assert.True(HysLaw.Evaluate(peaks).IsPotentialHysLaw);
    }

    [Theory]
    [InlineData(2.99, 2.0, EdishQuadrant.NormalOrNearNormal)]
    [InlineData(3.0, 2.0, EdishQuadrant.TemplesCorollary)]
    [InlineData(2.99, 2.01, EdishQuadrant.HyperbilirubinaemiaOrCholestasis)]
    [InlineData(3.0, 2.01, EdishQuadrant.PotentialHysLaw)]
    [InlineData(1.0, 1.0, EdishQuadrant.NormalOrNearNormal)]
    [InlineData(40.0, 0.5, EdishQuadrant.TemplesCorollary)]
    public void The_edish_quadrant_splits_at_alt_three_times_uln_and_bilirubin_above_twice(double alt, double bilirubin, EdishQuadrant expected)
    {
        var point = EdishPoint.From(Peaks(alt: (decimal)alt, bilirubin: (decimal)bilirubin))!;

        Assert.Equal(expected, point.Quadrant);
    }

    [Fact]
    public void Without_bilirubin_there_is_no_edish_point()
    {
        Assert.Null(EdishPoint.From(Peaks(alt: 5m)));
    }
}
