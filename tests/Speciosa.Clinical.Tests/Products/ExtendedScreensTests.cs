using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

/// <summary>Clinical audit E13 and E22 (issue 12 part 5): the analytes beyond the 2-analyte screen and the USP &lt;2023&gt;
/// capsule and tea categories, each at and beside its limit.</summary>
public class ExtendedScreensTests
{
    // USP <2023> Table 2, nutritional supplements with botanicals (capsules): TAMC ≤ 10^4, TYMC ≤ 10^3 CFU/g (S86, secondary copy).
    [Theory]
    [InlineData("total-aerobic-microbial-count", 10000, QualityOutcome.Pass)]
    [InlineData("total-aerobic-microbial-count", 10001, QualityOutcome.Fail)]
    [InlineData("total-yeast-and-mould", 1000, QualityOutcome.Pass)]
    [InlineData("total-yeast-and-mould", 1001, QualityOutcome.Fail)]
    public void Capsule_products_are_judged_at_the_supplement_with_botanicals_limits_USP_2023(string analyte, int count, QualityOutcome expected)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, count, "CFU/g")), "usp-2023-supplement-with-botanicals");

        Assert.Equal(expected, verdict.Finding(analyte).Outcome);
    }

    [Fact]
    public void A_capsule_count_the_dried_botanical_limit_would_pass_fails_the_capsule_limit()
    {
        var results = Coa.CleanWith("total-aerobic-microbial-count", Coa.Measured("total-aerobic-microbial-count", 50000m, "CFU/g"));

        Assert.Equal(QualityOutcome.Pass, Coa.Judge(results, "usp-2023-dried-botanical").Finding("total-aerobic-microbial-count").Outcome);
        Assert.Equal(QualityOutcome.Fail, Coa.Judge(results, "usp-2023-supplement-with-botanicals").Finding("total-aerobic-microbial-count").Outcome);
    }

    // USP <2023> Table 2, botanicals to be treated with boiling water (tea): TAMC ≤ 10^6, TYMC ≤ 10^4, BTGN ≤ 10^2 CFU/g.
    [Theory]
    [InlineData("total-aerobic-microbial-count", 1000000, QualityOutcome.Pass)]
    [InlineData("total-aerobic-microbial-count", 1000001, QualityOutcome.Fail)]
    [InlineData("total-yeast-and-mould", 10000, QualityOutcome.Pass)]
    [InlineData("total-yeast-and-mould", 10001, QualityOutcome.Fail)]
    [InlineData("bile-tolerant-gram-negatives", 100, QualityOutcome.Pass)]
    [InlineData("bile-tolerant-gram-negatives", 101, QualityOutcome.Fail)]
    public void Tea_is_judged_at_the_boiling_water_limits_USP_2023(string analyte, int count, QualityOutcome expected)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, count, "CFU/g")), "usp-2023-botanical-for-boiling-water");

        Assert.Equal(expected, verdict.Finding(analyte).Outcome);
    }

    [Theory]
    [InlineData("usp-2023-supplement-with-botanicals")]
    [InlineData("usp-2023-botanical-for-boiling-water")]
    public void Both_new_categories_need_salmonella_and_E_coli_absent_in_10_grams(string standardId)
    {
        var required = QualityStandardCatalogue.Get(standardId).Limits.Where(l => l.Kind == LimitKind.Absence).ToList();

        Assert.Equal(["salmonella", "escherichia-coli"], required.Select(l => l.Analyte));
        Assert.All(required, l => Assert.Equal("in 10 g", l.Unit));
    }

    [Theory]
    [InlineData("fentanyl-derivatives")]
    [InlineData("benzodiazepines")]
    public void Fentanyl_derivatives_or_benzodiazepines_detected_fail_the_Utah_R70_580_8_screen(string analyte)
    {
        var results = Coa.Clean().Concat(Prohibited()).Where(r => r.Analyte != analyte).Append(Coa.Measured(analyte, 0.5m, "µg/g")).ToList();

        var verdict = Coa.Judge(results, "utah-r70-580-8");

        Assert.Equal(QualityOutcome.Fail, verdict.Finding(analyte).Outcome);
        Assert.True(verdict.Finding(analyte).OutOfLimit);
    }

    [Theory]
    [InlineData("0.01", QualityOutcome.Pass)]
    [InlineData("0.011", QualityOutcome.Fail)]
    public void Cannabinoids_are_judged_at_0_01_percent_w_w_Utah_R70_580_8(string percent, QualityOutcome expected)
    {
        var results = Prohibited().Where(r => r.Analyte != "cannabinoids")
            .Append(Coa.Measured("cannabinoids", decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), "%w/w")).ToList();

        var finding = Coa.Judge(results, "utah-r70-580-8").Finding("cannabinoids");

        Assert.Equal(expected, finding.Outcome);
        Assert.True(finding.Unconfirmed);
    }

    [Fact]
    public void A_certificate_without_the_Utah_prohibited_substances_is_incomplete_not_passed()
    {
        Assert.Equal(QualityOutcome.Incomplete, Coa.Judge(Coa.Clean(), "utah-r70-580-8").Outcome);
    }

    [Theory]
    [InlineData("mgm-15")]
    [InlineData("mitragynine-pseudoindoxyl")]
    public void A_semi_synthetic_7_OH_derivative_detected_fails_FDA_7_OH_actions_2025(string analyte)
    {
        var results = new List<AnalyteResult> { Coa.NotDetected("mgm-15", "µg/g", 0.1m), Coa.NotDetected("mitragynine-pseudoindoxyl", "µg/g", 0.1m) }
            .Where(r => r.Analyte != analyte).Append(Coa.Measured(analyte, 2m, "µg/g")).ToList();

        Assert.Equal(QualityOutcome.Fail, Coa.Judge(results, "semi-synthetic-7-oh-screen").Outcome);
    }

    [Theory]
    [InlineData("MGM15", "mgm-15")]
    [InlineData("fentanyl", "fentanyl-derivatives")]
    [InlineData("THC", "cannabinoids")]
    public void The_new_analytes_are_found_by_alias(string alias, string id)
    {
        Assert.Equal(id, AnalyteCatalogue.Default.TryFind(alias)?.Id);
    }

    private static List<AnalyteResult> Prohibited() =>
    [
        Coa.NotDetected("fentanyl-derivatives", "ng/g", 1m),
        Coa.NotDetected("benzodiazepines", "ng/g", 5m),
        Coa.Measured("cannabinoids", 0.001m, "%w/w"),
    ];
}
