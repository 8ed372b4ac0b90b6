using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Safety;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

public class PregnancyRiskTests
{
    [Fact]
    public void No_pregnancy_breastfeeding_or_planning_raises_nothing_with_or_without_a_regimen()
    {
        Assert.Empty(PregnancyRisk.Evaluate(pregnant: false, breastfeeding: false, planningConception: false, onKratomRegimen: true));
        Assert.Empty(PregnancyRisk.Evaluate(pregnant: false, breastfeeding: false, planningConception: false, onKratomRegimen: false));
    }

    [Fact]
    public void Pregnant_with_a_regimen_is_high_and_cites_both_systematic_reviews()
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: true, breastfeeding: false, planningConception: false, onKratomRegimen: true));

        Assert.Equal(PregnancyAlertRules.PregnantOnRegimen, alert.Rule);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Equal("safety:pregnancy:pregnant", alert.ConditionKey);
        Assert.Contains("6 case reports", alert.Message, StringComparison.Ordinal);
        Assert.Contains("10 reports / 12 mother-infant dyads", alert.Message, StringComparison.Ordinal);
        Assert.Contains("KS-S63", alert.Message, StringComparison.Ordinal);
        Assert.Contains("KS-S64", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Breastfeeding_with_a_regimen_is_high_and_says_lactation_data_are_absent_and_unconfirmed()
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: false, breastfeeding: true, planningConception: false, onKratomRegimen: true));

        Assert.Equal(PregnancyAlertRules.BreastfeedingOnRegimen, alert.Rule);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Contains("no human milk-transfer data", alert.Message, StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pregnant_and_breastfeeding_with_a_regimen_raise_two_high_alerts()
    {
        var alerts = PregnancyRisk.Evaluate(pregnant: true, breastfeeding: true, planningConception: false, onKratomRegimen: true);

        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertSeverity.High, a.Rule.Severity));
        Assert.Equal(2, alerts.Select(a => a.ConditionKey).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Planning_conception_with_a_regimen_warns_and_cites_the_neonatal_reports_and_fertility_data()
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: false, breastfeeding: false, planningConception: true, onKratomRegimen: true));

        Assert.Equal(PregnancyAlertRules.PlanningConceptionOnRegimen, alert.Rule);
        Assert.Equal(AlertSeverity.Warning, alert.Rule.Severity);
        Assert.Contains("Neonatal abstinence syndrome", alert.Message, StringComparison.Ordinal);
        Assert.Contains("KS-S66", alert.Message, StringComparison.Ordinal);
    }

    // ACOG Committee Opinion 711 (2017); SAMHSA 2018 clinical guidance (from memory, as the audit gives them): audit E3, §2.5.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_pregnancy_alert_leads_with_opioid_agonist_treatment_no_evidence_for_kratom_and_no_abrupt_stop_ACOG_711_SAMHSA_2018(bool onRegimen)
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: true, breastfeeding: false, planningConception: false, onRegimen));

        Assert.Contains("Opioid agonist treatment (buprenorphine or methadone) is the recommended treatment for opioid use disorder in pregnancy", alert.Message, StringComparison.Ordinal);
        Assert.Contains("preferred over medically supervised withdrawal", alert.Message, StringComparison.Ordinal);
        Assert.Contains("no evidence base in pregnancy", alert.Message, StringComparison.Ordinal);
        Assert.Contains("Avoid stopping kratom abruptly", alert.Message, StringComparison.Ordinal);
        Assert.Contains("ACOG Committee Opinion 711, 2017", alert.Message, StringComparison.Ordinal);
        Assert.Contains("SAMHSA 2018", alert.Message, StringComparison.Ordinal);
        Assert.Contains("from memory", alert.Message, StringComparison.Ordinal);
        Assert.True(SafetySources.Get("ACOG-CO-711").Unconfirmed);
        Assert.True(SafetySources.Get("SAMHSA-2018").Unconfirmed);
        Assert.True(alert.Message.Length <= 4000, "fits the alert message column");
    }

    // Audit §2.4: the conception text must not read as reassurance.
    [Fact]
    public void The_conception_text_names_opioid_hypogonadism_the_case_report_and_the_absence_of_conception_data_LaBryer_2018()
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: false, breastfeeding: false, planningConception: true, onKratomRegimen: true));

        Assert.Contains("no human data exist on conception outcomes", alert.Message, StringComparison.Ordinal);
        Assert.Contains("opioid-associated hypogonadism", alert.Message, StringComparison.Ordinal);
        Assert.Contains("LaBryer 2018", alert.Message, StringComparison.Ordinal);
        Assert.Contains("too small to exclude an effect", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("had normal testosterone", alert.Message, StringComparison.Ordinal);
        Assert.True(alert.Message.Length <= 4000, "fits the alert message column");
    }

    [Fact]
    public void Planning_conception_is_ignored_while_pregnant()
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: true, breastfeeding: false, planningConception: true, onKratomRegimen: true));

        Assert.Equal(PregnancyAlertRules.PregnantOnRegimen, alert.Rule);
    }

    [Theory]
    [InlineData(true, false, false, "safety.pregnant-before-regimen", AlertSeverity.Warning)]
    [InlineData(false, true, false, "safety.breastfeeding-before-regimen", AlertSeverity.Warning)]
    [InlineData(false, false, true, "safety.planning-conception-before-regimen", AlertSeverity.Info)]
    public void Without_a_regimen_each_status_is_flagged_below_high_for_review_before_one(
        bool pregnant, bool breastfeeding, bool planning, string ruleId, AlertSeverity severity)
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant, breastfeeding, planning, onKratomRegimen: false));

        Assert.Equal(ruleId, alert.Rule.Id);
        Assert.Equal(severity, alert.Rule.Severity);
        Assert.Contains(pregnant ? "before considering any kratom regimen" : "before starting any kratom regimen", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_shows_the_four_inputs()
    {
        var alert = Assert.Single(PregnancyRisk.Evaluate(pregnant: true, breastfeeding: false, planningConception: false, onKratomRegimen: true));

        Assert.Equal(["Pregnant", "Breastfeeding", "Planning conception", "On a kratom regimen"], alert.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void Every_pregnancy_statement_cites_catalogued_sources_and_the_lactation_one_is_unconfirmed()
    {
        Assert.All(PregnancyFacts.Default.Statements, s => Assert.All(s.Sources, id => Assert.True(SafetySources.Contains(id), id)));
        Assert.True(PregnancyFacts.Default.Get("lactation-no-data").Unconfirmed);
    }

    [Fact]
    public void Every_pregnancy_rule_has_an_id_a_version_and_a_source()
    {
        Assert.All(PregnancyAlertRules.All, r =>
        {
            Assert.StartsWith("safety.", r.Id, StringComparison.Ordinal);
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.Source.Citation));
        });
        Assert.Equal(PregnancyAlertRules.All.Count, PregnancyAlertRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
