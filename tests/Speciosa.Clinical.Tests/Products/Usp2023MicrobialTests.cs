using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class Usp2023MicrobialTests
{
    // Dried/powdered botanicals: TAMC ≤ 10^5, yeast/mould ≤ 10^3, bile-tolerant Gram-negatives ≤ 10^3 cfu/g (S86).
    [Theory]
    [InlineData("total-aerobic-microbial-count", 100000, QualityOutcome.Pass)]
    [InlineData("total-aerobic-microbial-count", 100001, QualityOutcome.Fail)]
    [InlineData("total-yeast-and-mould", 1000, QualityOutcome.Pass)]
    [InlineData("total-yeast-and-mould", 1001, QualityOutcome.Fail)]
    [InlineData("bile-tolerant-gram-negatives", 1000, QualityOutcome.Pass)]
    [InlineData("bile-tolerant-gram-negatives", 1001, QualityOutcome.Fail)]
    public void Dried_botanical_counts_are_judged_at_and_beside_the_limit(string analyte, int count, QualityOutcome expected)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, count, "CFU/g")), "usp-2023-dried-botanical");

        Assert.Equal(expected, verdict.Finding(analyte).Outcome);
    }

    [Theory]
    [InlineData(10000, QualityOutcome.Pass)]
    [InlineData(10001, QualityOutcome.Fail)]
    public void Powdered_extracts_have_the_tighter_aerobic_count(int count, QualityOutcome expected)
    {
        var analyte = "total-aerobic-microbial-count";
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, count, "CFU/g")), "usp-2023-powdered-extract");

        Assert.Equal(expected, verdict.Finding(analyte).Outcome);
    }

    [Fact]
    public void Salmonella_absent_in_ten_grams_passes()
    {
        var verdict = Coa.Judge(Coa.CleanWith("salmonella", Coa.Absent("salmonella", "in 10 g")), "usp-2023-dried-botanical");

        Assert.Equal(QualityOutcome.Pass, verdict.Finding("salmonella").Outcome);
    }

    [Fact]
    public void Salmonella_present_fails()
    {
        var verdict = Coa.Judge(Coa.CleanWith("salmonella", Coa.Present("salmonella", "in 25 g")), "usp-2023-dried-botanical");

        Assert.Equal(QualityOutcome.Fail, verdict.Outcome);
        Assert.True(verdict.Finding("salmonella").OutOfLimit);
    }

    [Fact]
    public void A_count_below_its_detection_limit_passes_when_that_limit_is_within_the_specification()
    {
        var analyte = "total-yeast-and-mould";
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.BelowLod(analyte, "CFU/g", 10m)), "usp-2023-dried-botanical");

        Assert.Equal(QualityOutcome.Pass, verdict.Finding(analyte).Outcome);
    }
}
