using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class LiverAlertsTests
{
    private static LiverEvaluation Evaluate(params LiverResult[] results) => LiverEvaluation.Evaluate(results, ClinicUlnDefaults.None);

    [Fact]
    public void Every_liver_rule_has_an_id_a_version_and_a_source()
    {
        Assert.Equal(6, LiverAlertRules.All.Count);
        Assert.All(LiverAlertRules.All, r =>
        {
            Assert.StartsWith("liver.", r.Id, StringComparison.Ordinal);
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.Source.Citation));
        });
    }

    [Fact]
    public void A_hepatocellular_injury_with_jaundice_raises_hys_law_dili_and_grade_alerts()
    {
        var evaluation = Evaluate(
            Lab.Result(LiverTest.Alt, 600m, day: 20),
            Lab.Result(LiverTest.Alp, 110m, day: 20),
            Lab.Result(LiverTest.TotalBilirubin, 350m, day: 20));

        var alerts = LiverAlerts.Raise(evaluation);

        Assert.Contains(alerts, a => a.Rule == LiverAlertRules.PotentialHysLaw);
        Assert.Contains(alerts, a => a.Rule == LiverAlertRules.DiliCriteriaMet);
        Assert.Contains(alerts, a => a.Rule == LiverAlertRules.CtcaeGrade3OrHigher && a.ConditionKey == "liver:ctcae:Alt");
        Assert.Contains(alerts, a => a.Rule == LiverAlertRules.CtcaeGrade3OrHigher && a.ConditionKey == "liver:ctcae:TotalBilirubin");
        Assert.Equal(InjuryPattern.Hepatocellular, evaluation.RAtOnset!.Pattern);
        Assert.Equal(EdishQuadrant.PotentialHysLaw, evaluation.Edish!.Quadrant);
    }

    [Fact]
    public void Values_just_below_every_threshold_raise_no_alert()
    {
        var alerts = LiverAlerts.Raise(Evaluate(
            Lab.Result(LiverTest.Alt, 299m),
            Lab.Result(LiverTest.Alp, 199m),
            Lab.Result(LiverTest.TotalBilirubin, 200m)));

        Assert.Empty(alerts);
    }

    [Fact]
    public void Grade_three_raises_its_alert_and_grade_two_does_not()
    {
        Assert.Single(LiverAlerts.Raise(Evaluate(Lab.Result(LiverTest.Ggt, 501m))), a => a.Rule == LiverAlertRules.CtcaeGrade3OrHigher);
        Assert.Empty(LiverAlerts.Raise(Evaluate(Lab.Result(LiverTest.Ggt, 500m))));
    }

    [Fact]
    public void The_dili_onset_is_the_first_panel_meeting_a_criterion_and_r_is_read_there()
    {
        var evaluation = Evaluate(
            Lab.Result(LiverTest.Alt, 150m, day: 0),
            Lab.Result(LiverTest.Alp, 100m, day: 0),
            Lab.Result(LiverTest.Alt, 300m, day: 7),
            Lab.Result(LiverTest.Alp, 250m, day: 7),
            Lab.Result(LiverTest.Alt, 900m, day: 14),
            Lab.Result(LiverTest.Alp, 100m, day: 14));

        Assert.Equal(Lab.Day0.AddDays(7), evaluation.DiliOnset!.CollectedAt);
        Assert.Equal(1.2m, evaluation.RAtOnset!.Value);
        Assert.Equal(InjuryPattern.Cholestatic, evaluation.RAtOnset.Pattern);
    }

    [Fact]
    public void An_abnormal_baseline_switches_grading_to_multiples_of_baseline()
    {
        var evaluation = LiverEvaluation.Evaluate(
            [Lab.Result(LiverTest.Alt, 600m, day: 10)],
            ClinicUlnDefaults.None,
            [Lab.Result(LiverTest.Alt, 200m)]);

        var grade = Assert.Single(evaluation.Grades);
        Assert.Equal(CtcaeForm.BaselineAbnormal, grade.Form);
        Assert.Equal(1, grade.Grade);
    }
}
