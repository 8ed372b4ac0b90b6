using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Medicines;
using Xunit;

namespace Speciosa.Clinical.Tests.Medicines;

public class InteractionRuleBaseTests
{
    private static readonly InteractionRuleBase RuleBase = InteractionRuleBase.Default;

    [Fact]
    public void The_rule_base_has_a_version_and_an_as_of_date()
    {
        Assert.True(RuleBase.Version >= 1);
        Assert.Equal("2026-11-30", RuleBase.AsOf);
    }

    [Fact]
    public void Every_rule_has_an_id_a_version_an_as_of_date_evidence_and_catalogued_sources()
    {
        Assert.All(RuleBase.Rules, r =>
        {
            Assert.StartsWith("interaction.", r.Id, StringComparison.Ordinal);
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.AsOf));
            Assert.False(string.IsNullOrWhiteSpace(r.Effect));
            Assert.False(string.IsNullOrWhiteSpace(r.Monitoring));
            Assert.NotEmpty(r.Evidence);
            Assert.NotEmpty(r.Sources);
            Assert.All(r.Sources.Concat(r.Evidence.SelectMany(e => e.Sources)), s => Assert.True(InteractionSources.Contains(s), s));
        });
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        Assert.Equal(RuleBase.Rules.Count, RuleBase.Rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_class_a_rule_covers_is_in_the_class_catalogue()
    {
        Assert.All(RuleBase.Rules.SelectMany(r => r.Classes), c => Assert.True(DrugClassCatalogue.Default.IsKnownClass(c), c));
    }

    [Fact]
    public void Monitoring_wording_never_gives_a_dose()
    {
        Assert.All(RuleBase.Rules, r => Assert.DoesNotMatch(@"\d+(\.\d+)?\s*(mg|g|mcg|µg|ml|mL)\b", r.Monitoring));
    }

    [Fact]
    public void No_rule_repeats_a_marketing_claim()
    {
        var text = string.Join(" ", RuleBase.Rules.SelectMany(r => new[] { r.Title, r.Effect, r.Monitoring }.Concat(r.Evidence.Select(e => e.Text))));
        Assert.DoesNotContain("kratom is safe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("liver-protective", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no addiction", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_opioid_rule_names_methadone_and_buprenorphine_and_respiratory_depression()
    {
        var rule = RuleBase.Get("interaction.opioids");
        Assert.Contains("methadone", rule.Substances);
        Assert.Contains("buprenorphine", rule.Substances);
        Assert.Contains("respiratory depression", rule.Effect, StringComparison.Ordinal);
        Assert.Equal(InteractionMechanism.Pharmacodynamic, rule.Mechanism);
        Assert.Equal(AlertSeverity.High, rule.Severity);
    }

    [Fact]
    public void The_gabapentinoid_rule_says_kratom_specific_evidence_is_none_and_is_unconfirmed()
    {
        var rule = RuleBase.Get("interaction.gabapentinoids");
        Assert.True(rule.Unconfirmed);
        Assert.Equal(EvidenceLevel.RegulatoryWarning, rule.EvidenceLevel);
        Assert.Contains(rule.Evidence, e => e.Finding == EvidenceFinding.NoneFound && e.Unconfirmed && e.Text.Contains("none found", StringComparison.Ordinal));
        Assert.Contains("KS-S41", rule.Sources);
    }

    [Fact]
    public void The_cyp3a_rule_gives_the_napdi_midazolam_result_and_intestinal_inhibition()
    {
        var rule = RuleBase.Get("interaction.cyp3a-narrow-substrates");
        Assert.Equal(InteractionMechanism.Pharmacokinetic, rule.Mechanism);
        Assert.Equal(EvidenceLevel.ClinicalStudy, rule.EvidenceLevel);
        Assert.Contains("1.39", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("intestinal CYP3A inhibition", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("KS-S28", rule.Sources);
    }

    [Fact]
    public void The_cyp2d6_rule_says_the_clinical_study_was_negative_and_is_informational()
    {
        var rule = RuleBase.Get("interaction.cyp2d6-substrates");
        Assert.Equal(AlertSeverity.Info, rule.Severity);
        Assert.Contains("clinical study was negative", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("0.99", rule.Effect, StringComparison.Ordinal);
        var clinical = Assert.Single(rule.Evidence, e => e.Level == EvidenceLevel.ClinicalStudy);
        Assert.Equal(EvidenceFinding.DoesNotSupport, clinical.Finding);
        Assert.Contains(rule.Evidence, e => e.Level == EvidenceLevel.InVitro && e.Finding == EvidenceFinding.Supports);
    }

    [Fact]
    public void The_serotonergic_rule_rests_on_case_reports()
    {
        var rule = RuleBase.Get("interaction.serotonergic");
        Assert.Equal(EvidenceLevel.CaseReports, rule.EvidenceLevel);
        Assert.Contains("serotonin syndrome", rule.Effect, StringComparison.Ordinal);
    }

    [Fact]
    public void The_qt_rule_is_theoretical_and_dose_related()
    {
        var rule = RuleBase.Get("interaction.qt-prolonging");
        Assert.Contains("Theoretical, dose-related", rule.Effect, StringComparison.Ordinal);
        Assert.True(rule.Unconfirmed);
    }

    [Fact]
    public void The_adulterant_rule_is_triggered_by_an_unscreened_lot_not_by_a_medicine()
    {
        var rule = Assert.Single(RuleBase.UnscreenedLotRules);
        Assert.Equal(InteractionMechanism.Adulterant, rule.Mechanism);
        Assert.Empty(rule.Classes);
        Assert.Contains("O-desmethyltramadol", rule.Effect, StringComparison.Ordinal);
        Assert.DoesNotContain(RuleBase.MedicineRules, r => r.Id == rule.Id);
    }

    [Fact]
    public void Each_rule_becomes_an_alert_rule_with_its_id_version_severity_and_first_source()
    {
        foreach (var rule in RuleBase.Rules)
        {
            var alertRule = InteractionRuleBase.ToAlertRule(rule);
            Assert.Equal(rule.Id, alertRule.Id);
            Assert.Equal(rule.Version, alertRule.Version);
            Assert.Equal(rule.Severity, alertRule.Severity);
            Assert.Equal(rule.Sources[0], alertRule.Source.Id);
        }
    }
}
