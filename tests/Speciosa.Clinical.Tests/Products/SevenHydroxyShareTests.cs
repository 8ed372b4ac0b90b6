using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class SevenHydroxyShareTests
{
    private static List<AnalyteResult> WithTotal(AnalyteResult sevenOh) =>
        [Coa.Measured("mitragynine", 10m, "mg/g"), Coa.Measured("total-alkaloids", 15m, "mg/g"), sevenOh];

    // 7-OH at most 2% of the alkaloid fraction (Utah Code 4-45, S103).
    [Theory]
    [InlineData(0.3, QualityOutcome.Pass)]
    [InlineData(0.2999, QualityOutcome.Pass)]
    [InlineData(0.3001, QualityOutcome.Fail)]
    public void Seven_oh_is_judged_at_and_beside_two_percent_of_total_alkaloids(double mgPerGram, QualityOutcome expected)
    {
        var verdict = Coa.Judge(WithTotal(Coa.Measured("7-OH", (decimal)mgPerGram, "mg/g")), "seven-oh-share");

        Assert.Equal(expected, verdict.Finding("7-hydroxymitragynine").Outcome);
    }

    [Fact]
    public void The_share_reason_shows_the_division()
    {
        var verdict = Coa.Judge(WithTotal(Coa.Measured("7-OH", 0.3m, "mg/g")), "seven-oh-share");

        Assert.Equal("7-OH 0.3 mg/g ÷ total alkaloids 15 mg/g = 2% ≤ 2%", verdict.Finding("7-hydroxymitragynine").Reason);
    }

    [Fact]
    public void Without_a_reported_total_the_sum_of_reported_alkaloids_is_the_denominator()
    {
        var share = SevenHydroxyShare.Compute(
            [Coa.Measured("mitragynine", 14.7m, "mg/g"), Coa.Measured("7-hydroxymitragynine", 0.3m, "mg/g")]);

        Assert.Equal(2m, share.Percent);
        Assert.True(share.TotalIsSumOfReported);
        Assert.Contains("sum of reported alkaloids", share.Arithmetic, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_weight_results_give_the_same_share()
    {
        var share = SevenHydroxyShare.Compute(
            [Coa.Measured("7-hydroxymitragynine", 0.03m, "%w/w"), Coa.Measured("total-alkaloids", 1.5m, "%w/w")]);

        Assert.Equal(2m, share.Percent);
    }

    [Fact]
    public void Seven_oh_not_detected_passes_when_its_lod_keeps_the_share_within_two_percent()
    {
        var verdict = Coa.Judge(WithTotal(Coa.NotDetected("7-OH", "mg/g", 0.3m)), "seven-oh-share");

        Assert.Equal(QualityOutcome.Pass, verdict.Finding("7-hydroxymitragynine").Outcome);
    }

    [Fact]
    public void Seven_oh_not_detected_with_an_lod_that_could_exceed_two_percent_is_incomplete()
    {
        var verdict = Coa.Judge(WithTotal(Coa.NotDetected("7-OH", "mg/g", 0.4m)), "seven-oh-share");

        Assert.Equal(QualityOutcome.Incomplete, verdict.Finding("7-hydroxymitragynine").Outcome);
    }

    [Fact]
    public void Missing_seven_oh_is_incomplete_never_a_pass()
    {
        var verdict = Coa.Judge([Coa.Measured("mitragynine", 15m, "mg/g")], "seven-oh-share");

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
    }

    [Fact]
    public void Results_per_serving_without_the_serving_size_leave_the_share_incomplete()
    {
        List<AnalyteResult> results = [Coa.Measured("mitragynine", 75m, "mg/serving"), Coa.Measured("7-OH", 1m, "mg/serving")];

        var without = Coa.Judge(results, "seven-oh-share", ProductFacts.None);
        var with = Coa.Judge(results, "seven-oh-share", new ProductFacts(ServingGrams: 5m));

        Assert.Equal(QualityOutcome.Incomplete, without.Outcome);
        Assert.Contains("serving size", without.Finding("7-hydroxymitragynine").Reason, StringComparison.Ordinal);
        Assert.Equal(QualityOutcome.Pass, with.Outcome);
    }
}
