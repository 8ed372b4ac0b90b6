using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Safety;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

public class AdverseEventAssessmentTests
{
    [Fact]
    public void A_grade_three_event_with_no_criterion_is_not_serious_and_raises_no_alert()
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(grade: 3)));

        Assert.False(result.IsSerious);
        Assert.Empty(result.Reasons);
        Assert.Null(result.Alert);
    }

    [Fact]
    public void A_grade_four_event_is_serious_on_its_grade_alone_and_critical()
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(grade: 4, termId: "seizure")));

        Assert.True(result.IsSerious);
        Assert.Contains("CTCAE grade 4 (grade 4 or higher)", result.Reasons);
        Assert.Equal(AdverseEventAlertRules.SeriousLifeThreateningOrFatal, result.Alert!.Rule);
        Assert.Equal(AlertSeverity.Critical, result.Alert.Rule.Severity);
        Assert.Equal("safety:adverse-event:ae-1", result.Alert.ConditionKey);
    }

    [Fact]
    public void A_fatal_grade_five_event_is_critical_for_death_and_grade()
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(
            AdverseEvents.Report(grade: 5, termId: "respiratory-depression", outcome: "fatal", criteria: "death")));

        Assert.Equal(AlertSeverity.Critical, result.Alert!.Rule.Severity);
        Assert.Equal(2, result.Reasons.Count);
    }

    [Theory]
    [InlineData("life-threatening", AlertSeverity.Critical)]
    [InlineData("hospitalisation", AlertSeverity.High)]
    [InlineData("disability", AlertSeverity.High)]
    [InlineData("congenital-anomaly", AlertSeverity.High)]
    [InlineData("other-important-medical-event", AlertSeverity.High)]
    public void Each_seriousness_criterion_alone_makes_a_low_grade_event_serious(string criterion, AlertSeverity severity)
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(grade: 1, criteria: criterion)));

        Assert.True(result.IsSerious);
        Assert.Single(result.Reasons);
        Assert.Equal(severity, result.Alert!.Rule.Severity);
    }

    [Fact]
    public void The_death_criterion_makes_an_event_serious_and_critical()
    {
        var result = AdverseEventAssessment.Assess(AdverseEvents.Valid(AdverseEvents.Report(grade: 5, outcome: "fatal", criteria: "death")));

        Assert.True(result.IsSerious);
        Assert.Contains("resulted in death", result.Reasons);
        Assert.Equal(AlertSeverity.Critical, result.Alert!.Rule.Severity);
    }

    [Fact]
    public void The_serious_alert_shows_term_grade_outcome_relatedness_and_criteria()
    {
        var alert = AdverseEventAssessment.Assess(AdverseEvents.Valid(
            AdverseEvents.Report(grade: 2, termId: "jaundice", relatedness: "probable", criteria: "hospitalisation"))).Alert!;

        Assert.Equal(
            ["Term", "CTCAE grade", "Onset", "Outcome", "Relatedness to kratom", "Seriousness criteria"],
            alert.Inputs.Select(i => i.Name));
        Assert.Contains("Jaundice", alert.Message, StringComparison.Ordinal);
        Assert.Contains("Probable", alert.Inputs.Single(i => i.Name == "Relatedness to kratom").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_adverse_event_rules_have_ids_versions_and_sources()
    {
        Assert.All(AdverseEventAlertRules.All, r =>
        {
            Assert.StartsWith("safety.", r.Id, StringComparison.Ordinal);
            Assert.True(r.Version >= 1);
            Assert.True(r.Source.Unconfirmed);
        });
    }
}
