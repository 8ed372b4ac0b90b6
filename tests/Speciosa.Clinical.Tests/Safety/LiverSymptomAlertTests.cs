using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Safety;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

/// <summary>A liver-injury symptom asks for a liver panel now, whatever the seriousness (audit E14; jaundice in every
/// DILIN kratom case, Ahmad 2021; itching and dark urine in LiverTox's description, secondary copy).</summary>
public class LiverSymptomAlertTests
{
    [Theory]
    [InlineData("jaundice")]
    [InlineData("dark-urine")]
    [InlineData("pruritus")]
    [InlineData("right-upper-quadrant-pain")]
    public void A_grade_1_non_serious_liver_symptom_raises_the_liver_panel_now_alert_audit_E14(string termId)
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(grade: 1, termId: termId)));

        Assert.False(result.IsSerious);
        Assert.Null(result.Alert);
        var alert = Assert.Single(result.Alerts);
        Assert.Equal(AdverseEventAlertRules.LiverSymptomPanelNow, alert.Rule);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Contains("liver panel now", alert.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("safety:liver-symptom:ae-1", alert.ConditionKey);
    }

    [Fact]
    public void A_serious_jaundice_raises_both_the_serious_alert_and_the_liver_panel_alert()
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(grade: 3, termId: "jaundice", criteria: "hospitalisation")));

        Assert.Equal([AdverseEventAlertRules.Serious, AdverseEventAlertRules.LiverSymptomPanelNow], result.Alerts.Select(a => a.Rule));
    }

    [Theory]
    [InlineData("Yellow eyes noticed by partner", true)]
    [InlineData("Itching all over", true)]
    [InlineData("Sore knee", false)]
    public void A_described_term_naming_a_liver_symptom_raises_the_alert_too(string text, bool raised)
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(termId: null, otherTerm: text)));

        Assert.Equal(raised, result.Alerts.Any(a => a.Rule == AdverseEventAlertRules.LiverSymptomPanelNow));
    }

    [Fact]
    public void Nausea_alone_raises_no_liver_panel_alert()
    {
        Assert.Empty(AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(termId: "nausea"))).Alerts);
    }
}

/// <summary>The draft path (a patient's side effect, not yet assessed) raises the same rule with the same threshold.</summary>
public sealed class LiverSymptomDraftAlertTests
{
    [Fact]
    public void A_draft_jaundice_report_raises_the_liver_panel_rule_with_serious_not_assessed_per_LOCAL_LIVER_SYMPTOMS()
    {
        var alert = AdverseEventAssessment.LiverSymptom(AdverseEventTermCatalogue.Default.Get("jaundice"), "Jaundice", 1,
            new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), "not assessed", "draft-1");
        Assert.NotNull(alert);
        Assert.Equal(AdverseEventAlertRules.LiverSymptomPanelNow, alert.Rule);
        Assert.Equal("LOCAL-LIVER-SYMPTOMS", alert.Rule.Source.Id);
        Assert.Contains(alert.Inputs, i => i.Name == "Serious" && i.Value == "not assessed");
        Assert.Null(AdverseEventAssessment.LiverSymptom(AdverseEventTermCatalogue.Default.Get("nausea"), "Nausea", 1,
            new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), "not assessed", "draft-2"));
    }
}
