using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.MentalHealth;
using Speciosa.Clinical.Tests.Withdrawal;
using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.MentalHealth;

/// <summary>PHQ-9 item 9 above 0 is Critical at once (Kroenke 2001 and the PHQ-9 instructions: any positive item 9
/// needs a suicide-risk assessment).</summary>
public sealed class Phq9SafetyAlertTests
{
    private static readonly InstrumentDefinition Phq9 = MentalHealthInstruments.Catalog.Get("phq-9");

    private static InstrumentScore Score(int item9, int others = 0)
    {
        var answers = Phq9.Items.ToDictionary(i => i.Number, _ => others);
        answers[9] = item9;
        return InstrumentScorer.Score(Phq9, answers).Score!;
    }

    [Fact]
    public void Item_9_at_0_raises_nothing_even_with_a_severe_total()
    {
        Assert.Empty(MentalHealthAlerts.Evaluate("screening/1", Score(0, others: 3)));
    }

    [Theory]
    [InlineData(1, "Several days")]
    [InlineData(2, "More than half the days")]
    [InlineData(3, "Nearly every day")]
    public void Item_9_above_0_raises_the_critical_alert_with_its_inputs_threshold_and_source(int item9, string answer)
    {
        var alert = Assert.Single(MentalHealthAlerts.Evaluate("screening/1", Score(item9)));

        Assert.Equal("mental-health.phq9-item9", alert.Rule.Id);
        Assert.Equal(AlertSeverity.Critical, alert.Rule.Severity);
        Assert.Equal("screening/1/mental-health.phq9-item9", alert.ConditionKey);
        Assert.Contains(alert.Inputs, i => i.Name == "PHQ-9 item 9" && i.Value == $"{item9} ({answer})");
        Assert.Equal("PHQ-9 item 9 > 0 (any answer other than 'Not at all')", alert.Threshold);
        Assert.Contains("Kroenke", alert.Rule.Source.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void Gad7_and_auditc_never_raise_the_item_9_alert()
    {
        var gad = MentalHealthInstruments.Catalog.Get("gad-7");
        var score = InstrumentScorer.Score(gad, Answers.AllMaximum(gad)).Score!;
        Assert.Empty(MentalHealthAlerts.Evaluate("screening/2", score));
    }

    [Fact]
    public void The_pathway_links_the_cssrs_with_a_licence_note_and_does_not_reproduce_it()
    {
        var pathway = Phq9SafetyPathway.Default;
        Assert.StartsWith("https://", pathway.StructuredAssessment.Url, StringComparison.Ordinal);
        Assert.Contains("copyrighted", pathway.StructuredAssessment.LicenceNote, StringComparison.Ordinal);
        Assert.Contains("not reproduced", pathway.StructuredAssessment.LicenceNote, StringComparison.Ordinal);
        Assert.Equal(4, pathway.Outcomes.Count);
    }
}
