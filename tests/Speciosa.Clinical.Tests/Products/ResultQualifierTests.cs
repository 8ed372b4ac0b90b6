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

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    [InlineData(12345)]
    public void An_undefined_qualifier_is_a_problem_on_its_field_and_is_never_read_as_not_detected(int qualifier)
    {
        var lead = new AnalyteResult("lead", 999m, "µg/g", (ResultQualifier)qualifier, Lod: 0.1m);

        var problem = Assert.Single(AnalyteCatalogue.Default.Check([lead]));

        Assert.Equal("qualifier", problem.Field);
        Assert.Contains("Detected, NotDetected, BelowLoq, BelowLod", problem.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Coa.Judge(Coa.CleanWith("lead", lead), "usp-2232", new ProductFacts(MaximumDailyGrams: 10m)));
    }

    [Theory]
    [InlineData(ResultQualifier.NotDetected, "LOD")]
    [InlineData(ResultQualifier.BelowLod, "LOD")]
    [InlineData(ResultQualifier.BelowLoq, "LOQ")]
    public void A_value_beside_a_not_detected_or_below_limit_qualifier_contradicts_itself_and_is_refused(ResultQualifier qualifier, string limit)
    {
        // The attack found in testing: lead 999 µg/g sent as "not detected" with a small LOD passed USP <2232>.
        var lead = new AnalyteResult("lead", 999m, "µg/g", qualifier, Lod: 0.1m, Loq: 0.2m);

        var problem = Assert.Single(AnalyteCatalogue.Default.Check([lead]));

        Assert.Equal("value", problem.Field);
        Assert.Contains(limit, problem.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Coa.Judge(Coa.CleanWith("lead", lead), "usp-2232", new ProductFacts(MaximumDailyGrams: 10m)));
    }

    [Fact]
    public void An_adulterant_sent_as_not_detected_with_a_value_is_refused_not_passed()
    {
        var odsmt = new AnalyteResult("o-desmethyltramadol", 5000m, "ng/g", ResultQualifier.NotDetected, Lod: 5m);

        Assert.Equal("value", Assert.Single(AnalyteCatalogue.Default.Check([odsmt])).Field);
    }

    [Fact]
    public void A_detected_value_with_its_limits_stated_is_not_a_problem()
    {
        Assert.Empty(AnalyteCatalogue.Default.Check([new AnalyteResult("lead", 0.3m, "µg/g", ResultQualifier.Detected, Lod: 0.05m, Loq: 0.1m)]));
    }
}
