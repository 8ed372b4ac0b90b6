using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class UtahR705805Tests
{
    // Metals (ppm) are strict: As < 2, Cd < 0.82, Pb < 1.2, Hg < 0.4 (S87). The figure itself fails.
    [Theory]
    [InlineData("arsenic", 2, QualityOutcome.Fail)]
    [InlineData("arsenic", 1.99, QualityOutcome.Pass)]
    [InlineData("cadmium", 0.82, QualityOutcome.Fail)]
    [InlineData("cadmium", 0.81, QualityOutcome.Pass)]
    [InlineData("lead", 1.2, QualityOutcome.Fail)]
    [InlineData("lead", 1.19, QualityOutcome.Pass)]
    [InlineData("mercury", 0.4, QualityOutcome.Fail)]
    [InlineData("mercury", 0.39, QualityOutcome.Pass)]
    public void Metal_concentrations_must_stay_below_the_limit(string analyte, double ppm, QualityOutcome expected)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, (decimal)ppm, "ppm")), "utah-r70-580-5");

        Assert.Equal(expected, verdict.Finding(analyte).Outcome);
    }

    [Fact]
    public void The_strict_limit_is_shown_as_such()
    {
        var verdict = Coa.Judge(Coa.CleanWith("lead", Coa.Measured("lead", 1.2m, "µg/g")), "utah-r70-580-5");

        Assert.Equal("lead 1.2 µg/g = 1.2 ppm ≥ 1.2 ppm", verdict.Finding("lead").Reason);
    }

    [Theory]
    [InlineData("total-aerobic-microbial-count", 10000000, QualityOutcome.Pass)]
    [InlineData("total-aerobic-microbial-count", 10000001, QualityOutcome.Fail)]
    [InlineData("total-yeast-and-mould", 100000, QualityOutcome.Pass)]
    [InlineData("total-yeast-and-mould", 100001, QualityOutcome.Fail)]
    [InlineData("bile-tolerant-gram-negatives", 9999, QualityOutcome.Pass)]
    [InlineData("bile-tolerant-gram-negatives", 10000, QualityOutcome.Fail)]
    public void Microbial_counts_are_judged_at_and_beside_the_limit(string analyte, int count, QualityOutcome expected)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, count, "CFU/g")), "utah-r70-580-5");

        Assert.Equal(expected, verdict.Finding(analyte).Outcome);
    }

    [Fact]
    public void Absence_in_ten_grams_cannot_show_absence_in_a_hundred()
    {
        var verdict = Coa.Judge(Coa.CleanWith("salmonella", Coa.Absent("salmonella", "in 10 g")), "utah-r70-580-5");

        var finding = verdict.Finding("salmonella");
        Assert.Equal(QualityOutcome.Incomplete, finding.Outcome);
        Assert.Contains("test portion is too small", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hundred_gram_absence_figure_is_marked_as_printed_in_the_rule_clinical_audit_E23()
    {
        // R70-580-5 (current to Dec 2024) prints "Absence in 100g" "when one gram or greater sample is tested".
        var finding = Coa.Judge(Coa.Clean(), "utah-r70-580-5").Finding("escherichia-coli");

        Assert.Equal(QualityOutcome.Pass, finding.Outcome);
        Assert.False(finding.Unconfirmed);
        Assert.DoesNotContain("UNCONFIRMED", finding.Reason, StringComparison.Ordinal);
        Assert.Contains("as printed", QualityStandardCatalogue.Get("utah-r70-580-5").Limits.Single(l => l.Analyte == "escherichia-coli").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_salmonella_test_on_25_grams_does_not_show_absence_in_100_grams_so_the_lot_is_not_passed_R70_580_5()
    {
        var finding = Coa.Judge(Coa.CleanWith("salmonella", Coa.Absent("salmonella", "in 25 g")), "utah-r70-580-5").Finding("salmonella");

        Assert.NotEqual(QualityOutcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Mitragynine_and_7_oh_content_must_be_on_the_certificate()
    {
        var verdict = Coa.Judge(Coa.CleanWith("7-hydroxymitragynine", null), "utah-r70-580-5");

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
        Assert.Equal(QualityOutcome.Incomplete, verdict.Finding("7-hydroxymitragynine").Outcome);
        Assert.Equal(QualityOutcome.Pass, verdict.Finding("mitragynine").Outcome);
    }

    [Fact]
    public void Lead_that_passes_utah_can_fail_usp_at_fifteen_grams_a_day()
    {
        var results = Coa.CleanWith("lead", Coa.Measured("lead", 1.19m, "ppm"));
        var verdict = CoaJudgement.Judge(
            results,
            new ProductFacts(MaximumDailyGrams: 15m),
            [QualityStandardCatalogue.Get("utah-r70-580-5"), QualityStandardCatalogue.Get("usp-2232")]);

        Assert.Equal(QualityOutcome.Fail, verdict.Outcome);
        Assert.Equal("usp-2232", Assert.Single(verdict.OutOfLimit).StandardId);
    }
}
