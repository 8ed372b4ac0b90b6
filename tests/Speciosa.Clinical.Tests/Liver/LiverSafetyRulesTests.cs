using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

/// <summary>The rules added for audit E4: ALT/AST above 3 × ULN asks for a repeat within 48–72 h, INR ≥ 1.5 with a raised
/// aminotransferase is Critical, and the FDA 2009 stopping criteria (FDA Guidance for Industry, Drug-Induced Liver Injury:
/// Premarketing Clinical Evaluation, 2009). ULN 100 throughout, so a value reads as % of ULN.</summary>
public class LiverSafetyRulesTests
{
    private static LiverEvaluation Evaluate(params LiverResult[] results) => LiverEvaluation.Evaluate(results, ClinicUlnDefaults.None);

    private static LiverResult Inr(decimal value, int day = 0, int hours = 0) =>
        new(LiverTest.Inr, value, "{INR}", Lab.Day0.AddDays(day).AddHours(hours));

    private static IReadOnlyList<Alert> Raise(params LiverResult[] results) => LiverAlerts.Raise(Evaluate(results));

    private static StoppingCriterionOutcome Criterion(string id, params LiverResult[] results) =>
        Evaluate(results).Stopping.Single(c => c.Id == id);

    // FDA 2009: ALT or AST > 3 × ULN calls for close observation, repeat testing within 48-72 h (strict ">").
    [Theory]
    [InlineData(LiverTest.Alt, 300, false)]
    [InlineData(LiverTest.Alt, 301, true)]
    [InlineData(LiverTest.Alt, 350, true)]
    [InlineData(LiverTest.Ast, 300, false)]
    [InlineData(LiverTest.Ast, 301, true)]
    public void Alt_or_ast_above_3_times_uln_asks_for_a_repeat_within_48_to_72_hours_FDA_2009(LiverTest test, int value, bool raised)
    {
        var alerts = Raise(Lab.Result(test, value));

        Assert.Equal(raised, alerts.Any(a => a.Rule == LiverAlertRules.AminotransferaseAbove3));
        if (raised)
        {
            var alert = alerts.Single(a => a.Rule == LiverAlertRules.AminotransferaseAbove3);
            Assert.Contains("within 48–72 h", alert.Message, StringComparison.Ordinal);
            Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
            Assert.Contains("FDA", alert.Rule.Source.Citation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_repeat_alert_reads_the_newest_panel_so_a_newer_normal_panel_clears_it_FDA_2009()
    {
        Assert.DoesNotContain(Raise(Lab.Result(LiverTest.Alt, 350m, day: 0), Lab.Result(LiverTest.Alt, 120m, day: 3)),
            a => a.Rule == LiverAlertRules.AminotransferaseAbove3);
        Assert.Contains(Raise(Lab.Result(LiverTest.Alt, 120m, day: 0), Lab.Result(LiverTest.Alt, 350m, day: 3)),
            a => a.Rule == LiverAlertRules.AminotransferaseAbove3);
    }

    // Audit E4: INR ≥ 1.5 with an aminotransferase rise is possible severe DILI / acute liver failure (Critical).
    [Theory]
    [InlineData(2.0, 400, true)]   // the audit's probe: ALT 4 × ULN + INR 2.0 gave no alert
    [InlineData(1.5, 101, true)]   // both at their boundaries: INR 1.5 (≥), ALT just above ULN
    [InlineData(1.49, 400, false)] // INR below 1.5
    [InlineData(1.5, 100, false)]  // ALT exactly at ULN is not a rise
    public void Inr_at_or_above_1_5_with_alt_above_uln_is_critical_audit_E4(decimal inr, int alt, bool raised)
    {
        var alerts = Raise(Lab.Result(LiverTest.Alt, alt), Inr(inr));

        Assert.Equal(raised, alerts.Any(a => a.Rule == LiverAlertRules.InrWithAminotransferaseRise));
        if (raised)
        {
            var alert = alerts.Single(a => a.Rule == LiverAlertRules.InrWithAminotransferaseRise);
            Assert.Equal(AlertSeverity.Critical, alert.Rule.Severity);
            Assert.Contains("acute liver failure", alert.Message, StringComparison.Ordinal);
            Assert.Contains(alert.Inputs, i => i.Name == "INR" && i.Value.StartsWith(inr.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_inr_pairs_with_alt_or_ast_collected_within_72_hours_and_not_later_audit_E4_local_pairing()
    {
        Assert.Contains(Raise(Lab.Result(LiverTest.Ast, 250m), Inr(1.8m, hours: 72)), a => a.Rule == LiverAlertRules.InrWithAminotransferaseRise);
        Assert.DoesNotContain(Raise(Lab.Result(LiverTest.Ast, 250m), Inr(1.8m, hours: 73)), a => a.Rule == LiverAlertRules.InrWithAminotransferaseRise);
    }

    [Fact]
    public void Inr_without_any_aminotransferase_result_raises_nothing()
    {
        Assert.Empty(Raise(Inr(3.0m)));
    }

    // FDA 2009 stopping criterion 1: ALT or AST > 8 × ULN.
    [Theory]
    [InlineData(800, StoppingCriterionStatus.NotMet)]
    [InlineData(801, StoppingCriterionStatus.Met)]
    public void Alt_above_8_times_uln_meets_the_first_stopping_criterion_FDA_2009(int alt, StoppingCriterionStatus status)
    {
        Assert.Equal(status, Criterion(FdaStoppingCriteria.Above8Id, Lab.Result(LiverTest.Alt, alt)).Status);
    }

    // FDA 2009 stopping criterion 2: ALT or AST > 5 × ULN for more than 2 weeks.
    [Theory]
    [InlineData(14, 0, StoppingCriterionStatus.NotMet)] // exactly 2 weeks is not "more than"
    [InlineData(14, 1, StoppingCriterionStatus.Met)]    // 2 weeks and an hour
    [InlineData(20, 0, StoppingCriterionStatus.Met)]
    public void Alt_above_5_times_uln_for_more_than_2_weeks_meets_the_second_criterion_FDA_2009(int days, int hours, StoppingCriterionStatus status)
    {
        var first = Lab.Result(LiverTest.Alt, 501m);
        var last = Lab.Result(LiverTest.Alt, 520m) with { CollectedAt = Lab.Day0.AddDays(days).AddHours(hours) };

        Assert.Equal(status, Criterion(FdaStoppingCriteria.Above5SustainedId, first, last).Status);
    }

    [Fact]
    public void A_panel_at_or_below_5_times_uln_in_between_ends_the_run_FDA_2009()
    {
        var outcome = Criterion(FdaStoppingCriteria.Above5SustainedId,
            Lab.Result(LiverTest.Alt, 600m, day: 0), Lab.Result(LiverTest.Alt, 500m, day: 8), Lab.Result(LiverTest.Alt, 600m, day: 20));

        Assert.Equal(StoppingCriterionStatus.NotMet, outcome.Status);
    }

    [Fact]
    public void Exactly_5_times_uln_for_three_weeks_is_not_above_5_FDA_2009()
    {
        Assert.Equal(StoppingCriterionStatus.NotMet,
            Criterion(FdaStoppingCriteria.Above5SustainedId, Lab.Result(LiverTest.Alt, 500m, day: 0), Lab.Result(LiverTest.Alt, 500m, day: 21)).Status);
    }

    // FDA 2009 stopping criterion 3: ALT or AST > 3 × ULN with total bilirubin > 2 × ULN or INR > 1.5.
    [Theory]
    [InlineData(301, 201, null, StoppingCriterionStatus.Met)]
    [InlineData(300, 250, null, StoppingCriterionStatus.NotMet)]   // ALT exactly 3 × ULN
    [InlineData(301, 200, null, StoppingCriterionStatus.NotMet)]   // bilirubin exactly 2 × ULN
    [InlineData(301, null, 1.51, StoppingCriterionStatus.Met)]
    [InlineData(301, null, 1.5, StoppingCriterionStatus.NotMet)]   // INR exactly 1.5 is not "> 1.5"
    public void Alt_above_3_times_uln_with_bilirubin_above_2_or_inr_above_1_5_meets_the_third_criterion_FDA_2009(
        int alt, int? bilirubin, double? inr, StoppingCriterionStatus status)
    {
        var results = new List<LiverResult> { Lab.Result(LiverTest.Alt, alt) };
        if (bilirubin is { } b) results.Add(Lab.Result(LiverTest.TotalBilirubin, b));
        if (inr is { } i) results.Add(Inr((decimal)i));

        Assert.Equal(status, Criterion(FdaStoppingCriteria.Above3WithBilirubinOrInrId, [.. results]).Status);
    }

    [Fact]
    public void The_symptoms_or_eosinophilia_criterion_is_named_and_said_to_be_not_computable_FDA_2009()
    {
        var outcome = Criterion(FdaStoppingCriteria.Above3WithSymptomsId, Lab.Result(LiverTest.Alt, 900m));

        Assert.Equal(StoppingCriterionStatus.NotComputable, outcome.Status);
        Assert.Contains("eosinophil", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_met_stopping_criterion_raises_its_own_alert_and_unmet_ones_raise_none_FDA_2009()
    {
        var alerts = Raise(Lab.Result(LiverTest.Alt, 900m), Lab.Result(LiverTest.TotalBilirubin, 250m));

        Assert.Equal(
            ["liver:fda-stop:" + FdaStoppingCriteria.Above8Id, "liver:fda-stop:" + FdaStoppingCriteria.Above3WithBilirubinOrInrId],
            alerts.Where(a => a.Rule == LiverAlertRules.FdaStoppingCriterion).Select(a => a.ConditionKey));
        Assert.All(alerts.Where(a => a.Rule == LiverAlertRules.FdaStoppingCriterion), a => Assert.Contains("FDA 2009", a.Message, StringComparison.Ordinal));
    }
}
