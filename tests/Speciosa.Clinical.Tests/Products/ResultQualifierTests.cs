using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class ResultQualifierTests
{
    // At 10 g/day the USP <2232> lead PDE (5 µg/day) is 0.5 µg/g.
    private static AnalyteFinding Lead(AnalyteResult lead) =>
        Coa.Judge(Coa.CleanWith("lead", lead), "usp-2232", new ProductFacts(MaximumDailyGrams: 10m)).Finding("lead");

    [Fact]
    public void Not_detected_with_the_lod_at_the_limit_passes()
    {
        var finding = Lead(Coa.NotDetected("lead", "µg/g", 0.5m));

        Assert.Equal(QualityOutcome.Pass, finding.Outcome);
        Assert.Equal("lead not detected (LOD 0.5 µg/g) × 10 g/day = < 5 µg/day, within ≤ 5 µg/day", finding.Reason);
    }

    [Fact]
    public void Not_detected_with_an_lod_above_the_limit_is_not_a_pass()
    {
        var finding = Lead(Coa.NotDetected("lead", "µg/g", 0.6m));

        Assert.Equal(QualityOutcome.Incomplete, finding.Outcome);
        Assert.Equal(
            "lead not detected (LOD 0.6 µg/g) × 10 g/day = < 6 µg/day, which may exceed ≤ 5 µg/day: the method cannot show compliance",
            finding.Reason);
    }

    [Fact]
    public void Below_lod_with_an_lod_above_the_limit_is_not_a_pass()
    {
        Assert.Equal(QualityOutcome.Incomplete, Lead(Coa.BelowLod("lead", "µg/g", 0.6m)).Outcome);
    }

    [Fact]
    public void Not_detected_without_a_stated_lod_cannot_show_compliance()
    {
        var finding = Lead(Coa.NotDetected("lead", "µg/g", lod: null));

        Assert.Equal(QualityOutcome.Incomplete, finding.Outcome);
        Assert.Contains("no LOD is stated", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_loq_with_the_loq_at_the_limit_passes()
    {
        Assert.Equal(QualityOutcome.Pass, Lead(Coa.BelowLoq("lead", "µg/g", 0.5m)).Outcome);
    }

    [Fact]
    public void Below_loq_with_an_loq_above_the_limit_is_incomplete()
    {
        Assert.Equal(QualityOutcome.Incomplete, Lead(Coa.BelowLoq("lead", "µg/g", 0.51m)).Outcome);
    }

    [Fact]
    public void Below_loq_without_a_stated_loq_is_incomplete()
    {
        Assert.Equal(QualityOutcome.Incomplete, Lead(Coa.BelowLoq("lead", "µg/g", loq: null)).Outcome);
    }

    [Fact]
    public void Against_a_strict_limit_an_lod_equal_to_the_limit_still_shows_the_value_below_it()
    {
        var verdict = Coa.Judge(Coa.CleanWith("lead", Coa.NotDetected("lead", "ppm", 1.2m)), "utah-r70-580-5");

        Assert.Equal(QualityOutcome.Pass, verdict.Finding("lead").Outcome);
    }

    [Fact]
    public void An_incomplete_analyte_keeps_the_lot_from_passing()
    {
        var verdict = Coa.Judge(Coa.CleanWith("lead", Coa.NotDetected("lead", "µg/g", 0.6m)), "usp-2232", new ProductFacts(MaximumDailyGrams: 10m));

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
        Assert.Empty(verdict.OutOfLimit);
    }

    [Theory]
    [InlineData(ResultQualifier.Detected, QualityOutcome.Fail)]
    [InlineData(ResultQualifier.BelowLoq, QualityOutcome.Fail)]
    [InlineData(ResultQualifier.NotDetected, QualityOutcome.Pass)]
    [InlineData(ResultQualifier.BelowLod, QualityOutcome.Pass)]
    public void An_adulterant_detected_at_all_fails_the_screen(ResultQualifier qualifier, QualityOutcome expected)
    {
        var results = Coa.Clean();
        results.Add(new AnalyteResult("O-DSMT", qualifier == ResultQualifier.Detected ? 0.02m : null, "µg/g", qualifier, Lod: 0.005m, Loq: 0.01m));

        var verdict = Coa.Judge(results, "adulterant-screen");

        Assert.Equal(expected, verdict.Finding("o-desmethyltramadol").Outcome);
    }
}
