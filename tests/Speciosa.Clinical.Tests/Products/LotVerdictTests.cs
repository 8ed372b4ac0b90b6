using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class LotVerdictTests
{
    private static readonly QualityStandard[] ClinicStandards =
    [
        QualityStandardCatalogue.Get("usp-2232"),
        QualityStandardCatalogue.Get("usp-2023-dried-botanical"),
        QualityStandardCatalogue.Get("utah-r70-580-5"),
        QualityStandardCatalogue.Get("seven-oh-share"),
        QualityStandardCatalogue.Get("adulterant-screen"),
    ];

    private static LotVerdict Judge(IReadOnlyList<AnalyteResult> results) =>
        CoaJudgement.Judge(results, new ProductFacts(MaximumDailyGrams: 15m), ClinicStandards);

    [Fact]
    public void A_clean_certificate_passes_every_chosen_standard()
    {
        var verdict = Judge(Coa.Clean());

        Assert.Equal(QualityOutcome.Pass, verdict.Outcome);
        Assert.All(verdict.Findings, f => Assert.Equal(QualityOutcome.Pass, f.Outcome));
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("cadmium")]
    [InlineData("salmonella")]
    [InlineData("total-aerobic-microbial-count")]
    public void A_missing_required_analyte_makes_the_lot_incomplete_never_pass(string analyte)
    {
        var verdict = Judge(Coa.CleanWith(analyte, null));

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
        Assert.Contains(verdict.Unresolved, f => f.Analyte == analyte && f.Reason.Contains("not on the certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_fail_makes_the_lot_fail_even_beside_an_incomplete()
    {
        var results = Coa.CleanWith("cadmium", null);
        results = [.. results.Where(r => r.Analyte != "lead"), Coa.Measured("lead", 2m, "µg/g")];

        var verdict = Judge(results);

        Assert.Equal(QualityOutcome.Fail, verdict.Outcome);
        Assert.NotEmpty(verdict.Unresolved);
        Assert.All(verdict.OutOfLimit, f => Assert.Equal("lead", f.Analyte));
    }

    [Fact]
    public void Each_finding_names_its_standard_version_and_source()
    {
        var finding = Judge(Coa.Clean()).Findings.First(f => f.StandardId == "utah-r70-580-5");

        Assert.Equal(2, finding.StandardVersion);
        Assert.Equal("S87", finding.Source.Id);
    }

    [Fact]
    public void With_no_standard_chosen_nothing_is_shown_so_the_lot_is_incomplete()
    {
        var verdict = CoaJudgement.Judge(Coa.Clean(), new ProductFacts(MaximumDailyGrams: 15m), []);

        Assert.Equal(QualityOutcome.Incomplete, verdict.Outcome);
    }

    [Fact]
    public void The_summary_names_what_is_out_of_limit_and_what_is_incomplete()
    {
        var results = Coa.CleanWith("cadmium", null);
        results = [.. results.Where(r => r.Analyte != "lead"), Coa.Measured("lead", 2m, "µg/g")];

        Assert.Equal("Fail: 2 out of limit (lead), 2 incomplete (cadmium)", Judge(results).Summary);
        Assert.StartsWith("Pass:", Judge(Coa.Clean()).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_limit_findings_become_high_alerts_naming_the_standard_and_its_source()
    {
        var results = Coa.CleanWith("lead", Coa.Measured("lead", 0.8m, "µg/g"));
        var verdict = CoaJudgement.Judge(results, new ProductFacts(MaximumDailyGrams: 15m), [QualityStandardCatalogue.Get("usp-2232")]);

        var alert = Assert.Single(LotQualityAlerts.For("LOT-42", verdict));

        Assert.Equal("product-quality/usp-2232", alert.Rule.Id);
        Assert.Equal(Speciosa.Clinical.Alerts.AlertSeverity.High, alert.Rule.Severity);
        Assert.Equal("lot:LOT-42:usp-2232:lead", alert.ConditionKey);
        Assert.Equal("lead 0.8 µg/g × 15 g/day = 12 µg/day > 5 µg/day", alert.Message);
        Assert.Equal("≤ 5 µg/day", alert.Threshold);
    }
}
