using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class RRatioTests
{
    private static RRatio R(decimal altTimesUln, decimal alpTimesUln) => RRatio.From(Lab.Panel(alt: altTimesUln, alp: alpTimesUln))!;

    [Theory]
    [InlineData(4.99, InjuryPattern.Mixed)]
    [InlineData(5.0, InjuryPattern.Hepatocellular)]
    [InlineData(5.01, InjuryPattern.Hepatocellular)]
    [InlineData(2.01, InjuryPattern.Mixed)]
    [InlineData(2.0, InjuryPattern.Cholestatic)]
    [InlineData(1.99, InjuryPattern.Cholestatic)]
    public void The_pattern_uses_inclusive_cut_offs_at_two_and_five(double r, InjuryPattern expected)
    {
        Assert.Equal(expected, R((decimal)r, 1m).Pattern);
    }

    [Fact]
    public void R_is_alt_multiple_over_alp_multiple_with_each_tests_own_uln()
    {
        // ALT 200/40 = 5 × ULN; ALP 250/125 = 2 × ULN; R = 2.5.
        var panel = LiverPanel.Group([Lab.Measure(LiverTest.Alt, 200m, uln: 40m), Lab.Measure(LiverTest.Alp, 250m, uln: 125m)]).Single();

        var r = RRatio.From(panel)!;

        Assert.Equal(2.5m, r.Value);
        Assert.Equal(InjuryPattern.Mixed, r.Pattern);
    }

    [Fact]
    public void An_r_of_exactly_five_from_awkward_ulns_is_still_hepatocellular()
    {
        // ALT 175/35 = 5 × ULN, ALP 33/33 = 1 × ULN: exact by cross-multiplication.
        var panel = LiverPanel.Group([Lab.Measure(LiverTest.Alt, 175m, uln: 35m), Lab.Measure(LiverTest.Alp, 33m, uln: 33m)]).Single();

        Assert.Equal(InjuryPattern.Hepatocellular, RRatio.From(panel)!.Pattern);
    }

    [Fact]
    public void Without_alp_there_is_no_r()
    {
        Assert.Null(RRatio.From(Lab.Panel(alt: 6m)));
    }
}
