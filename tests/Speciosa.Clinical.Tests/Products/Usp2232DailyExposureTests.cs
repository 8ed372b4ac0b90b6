using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class Usp2232DailyExposureTests
{
    private static readonly ProductFacts TenGramsADay = new(MaximumDailyGrams: 10m);

    // Content at the limit for 10 g/day is PDE ÷ 10: Pb 5, Cd 5, inorganic As 15, total Hg 15, methyl-Hg 2 µg/day (S85).
    [Theory]
    [InlineData("lead", 0.5)]
    [InlineData("cadmium", 0.5)]
    [InlineData("inorganic-arsenic", 1.5)]
    [InlineData("mercury", 1.5)]
    [InlineData("methylmercury", 0.2)]
    public void Content_times_daily_grams_at_the_permitted_daily_exposure_passes(string analyte, double atLimit)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, (decimal)atLimit, "µg/g")), "usp-2232", TenGramsADay);

        Assert.Equal(QualityOutcome.Pass, verdict.Finding(analyte).Outcome);
    }

    [Theory]
    [InlineData("lead", 0.5)]
    [InlineData("cadmium", 0.5)]
    [InlineData("inorganic-arsenic", 1.5)]
    [InlineData("mercury", 1.5)]
    [InlineData("methylmercury", 0.2)]
    public void Content_a_hair_above_the_permitted_daily_exposure_fails_and_is_flagged(string analyte, double atLimit)
    {
        var verdict = Coa.Judge(Coa.CleanWith(analyte, Coa.Measured(analyte, (decimal)atLimit + 0.001m, "µg/g")), "usp-2232", TenGramsADay);

        Assert.Equal(QualityOutcome.Fail, verdict.Outcome);
        Assert.True(Assert.Single(verdict.OutOfLimit).Analyte == analyte);
    }

    [Fact]
    public void The_reason_shows_the_daily_exposure_arithmetic()
    {
        var verdict = Coa.Judge(Coa.CleanWith("lead", Coa.Measured("lead", 0.8m, "µg/g")), "usp-2232", new ProductFacts(MaximumDailyGrams: 15m));

        var lead = verdict.Finding("lead");
        Assert.Equal("lead 0.8 µg/g × 15 g/day = 12 µg/day > 5 µg/day", lead.Reason);
        Assert.Equal("≤ 5 µg/day", lead.Limit);
        Assert.Equal("S85", lead.Source.Id);
    }

    [Fact]
    public void A_result_in_ppm_is_shown_converted_to_micrograms_per_gram()
    {
        var verdict = Coa.Judge(Coa.CleanWith("lead", Coa.Measured("lead", 0.3m, "ppm")), "usp-2232", new ProductFacts(MaximumDailyGrams: 15m));

        Assert.Equal("lead 0.3 ppm (= 0.3 µg/g) × 15 g/day = 4.5 µg/day ≤ 5 µg/day", verdict.Finding("lead").Reason);
    }

    [Fact]
    public void The_reference_worked_example_puts_lead_at_one_third_ppm_for_fifteen_grams_a_day()
    {
        var at = Coa.Judge(Coa.CleanWith("lead", Coa.Measured("lead", 0.33m, "µg/g")), "usp-2232", new ProductFacts(MaximumDailyGrams: 15m));
        var above = Coa.Judge(Coa.CleanWith("lead", Coa.Measured("lead", 0.34m, "µg/g")), "usp-2232", new ProductFacts(MaximumDailyGrams: 15m));

        Assert.Equal(QualityOutcome.Pass, at.Finding("lead").Outcome);
        Assert.Equal(QualityOutcome.Fail, above.Finding("lead").Outcome);
    }

    [Fact]
    public void Without_the_maximum_daily_amount_the_exposure_cannot_be_judged()
    {
        var verdict = Coa.Judge(Coa.Clean(), "usp-2232", ProductFacts.None);

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
        Assert.Contains("maximum daily amount", verdict.Finding("lead").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_arsenic_within_the_inorganic_limit_passes_as_an_upper_bound()
    {
        var verdict = Coa.Judge(Coa.CleanWith("arsenic", Coa.Measured("arsenic", 1.5m, "µg/g")), "usp-2232", TenGramsADay);

        Assert.Equal(QualityOutcome.Pass, verdict.Finding("inorganic-arsenic").Outcome);
    }

    [Fact]
    public void Total_arsenic_above_the_inorganic_limit_asks_for_speciation_rather_than_failing()
    {
        var verdict = Coa.Judge(Coa.CleanWith("arsenic", Coa.Measured("arsenic", 1.6m, "µg/g")), "usp-2232", TenGramsADay);

        var finding = verdict.Finding("inorganic-arsenic");
        Assert.Equal(QualityOutcome.Incomplete, finding.Outcome);
        Assert.Contains("speciation", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Inorganic_arsenic_above_its_limit_fails()
    {
        var results = Coa.Clean();
        results.Add(Coa.Measured("inorganic-arsenic", 1.6m, "µg/g"));

        Assert.Equal(QualityOutcome.Fail, Coa.Judge(results, "usp-2232", TenGramsADay).Finding("inorganic-arsenic").Outcome);
    }

    [Fact]
    public void Methylmercury_is_judged_only_when_reported()
    {
        var verdict = Coa.Judge(Coa.Clean(), "usp-2232", TenGramsADay);

        Assert.Equal(QualityOutcome.Pass, verdict.Outcome);
        Assert.DoesNotContain(verdict.Findings, f => f.Analyte == "methylmercury");
    }
}
