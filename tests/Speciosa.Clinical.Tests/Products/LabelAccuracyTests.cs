using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class LabelAccuracyTests
{
    // Label: 75 mg mitragynine per 5 g serving; clinic tolerance ±10% → 67.5 to 82.5 mg/serving.
    [Theory]
    [InlineData(16.5, true)]
    [InlineData(16.5001, false)]
    [InlineData(13.5, true)]
    [InlineData(13.4999, false)]
    [InlineData(15, true)]
    public void Measured_content_is_within_tolerance_up_to_and_including_the_boundary(double mgPerGram, bool within)
    {
        var accuracy = LabelAccuracy.Assess("mitragynine", 75m, (decimal)mgPerGram, 5m, 10m);

        Assert.Equal(within, accuracy.WithinTolerance);
    }

    [Fact]
    public void The_arithmetic_shows_measured_against_claimed()
    {
        var accuracy = LabelAccuracy.Assess("mitragynine", 75m, 13m, 5m, 10m);

        Assert.Equal(65m, accuracy.MeasuredMgPerServing);
        Assert.Equal(
            "mitragynine 13 mg/g × 5 g = 65 mg/serving vs claimed 75 mg/serving: -13.3333% outside ±10%",
            accuracy.Arithmetic);
    }

    [Theory]
    [InlineData(16.5, QualityOutcome.Pass)]
    [InlineData(16.6, QualityOutcome.Fail)]
    public void The_label_claim_standard_uses_the_clinics_tolerance(double mgPerGram, QualityOutcome expected)
    {
        var verdict = CoaJudgement.Judge(
            [Coa.Measured("mitragynine", (decimal)mgPerGram, "mg/g")],
            new ProductFacts(ServingGrams: 5m, LabelClaims: [new LabelClaim("mitragynine", 75m)]),
            [QualityStandardCatalogue.LabelClaim(10m)]);

        Assert.Equal(expected, verdict.Outcome);
    }

    [Fact]
    public void Without_a_configured_tolerance_the_label_cannot_be_judged()
    {
        var verdict = CoaJudgement.Judge(
            [Coa.Measured("mitragynine", 15m, "mg/g")],
            new ProductFacts(ServingGrams: 5m, LabelClaims: [new LabelClaim("mitragynine", 75m)]),
            [QualityStandardCatalogue.Get("label-claim")]);

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
    }

    [Fact]
    public void A_label_without_a_mitragynine_claim_is_incomplete()
    {
        var verdict = CoaJudgement.Judge(
            [Coa.Measured("mitragynine", 15m, "mg/g")],
            new ProductFacts(ServingGrams: 5m),
            [QualityStandardCatalogue.LabelClaim(10m)]);

        Assert.Equal(QualityOutcome.Incomplete, verdict.Finding("mitragynine").Outcome);
    }
}
