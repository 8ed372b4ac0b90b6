using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Medicines;
using Xunit;

namespace Speciosa.Clinical.Tests.Medicines;

/// <summary>Clinical audit E5, E9, E10, E11, E18 (issue 12 part 3): the medicines of an opioid-withdrawal clinic, each rule with its source.</summary>
public class WithdrawalClinicInteractionTests
{
    private static MedicineScreening ScreenOne(ScreenedMedicine medicine) =>
        Assert.Single(InteractionScreening.Screen([medicine]).Medicines);

    private static IReadOnlyList<string> RulesOf(string name) =>
        ScreenOne(new ScreenedMedicine(name)).Matches.Select(m => m.Rule.Id).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("naltrexone")]
    [InlineData("Naloxone")]
    [InlineData("nalmefene")]
    public void An_opioid_antagonist_raises_the_precipitated_withdrawal_alert_naltrexone_label_and_WHO_ECDD(string name)
    {
        var screening = ScreenOne(new ScreenedMedicine(name));

        var match = Assert.Single(screening.Matches);
        Assert.Equal("interaction.opioid-antagonists", match.Rule.Id);
        Assert.Equal(AlertSeverity.High, match.Rule.Severity);
        Assert.Contains("precipitate opioid withdrawal", match.Rule.Effect, StringComparison.Ordinal);
        Assert.Contains("blocks kratom", match.Rule.Effect, StringComparison.Ordinal);
        Assert.Contains("7-10 days", match.Rule.Effect, StringComparison.Ordinal);
        Assert.Contains("LABEL-NALTREXONE", match.Rule.Sources);
        Assert.Contains("KS-S38", match.Rule.Sources);
    }

    [Fact]
    public void The_antagonist_rule_never_tells_staff_to_withhold_naloxone_in_an_overdose()
    {
        var rule = InteractionRuleBase.Default.Get("interaction.opioid-antagonists");

        Assert.Contains("must never be withheld", rule.Monitoring, StringComparison.Ordinal);
    }

    [Fact]
    public void Lofexidine_matches_its_own_rule_for_QT_bradycardia_and_hypotension_and_the_QT_and_CNS_rules_Lucemyra_label()
    {
        Assert.Equal(["interaction.cns-depressants-other", "interaction.lofexidine", "interaction.qt-prolonging"], RulesOf("lofexidine"));
        var rule = InteractionRuleBase.Default.Get("interaction.lofexidine");
        Assert.Contains("QT prolongation, bradycardia, hypotension", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("LABEL-LOFEXIDINE", rule.Sources);
    }

    [Fact]
    public void Loperamide_matches_its_high_dose_QT_rule_FDA_2016_communication()
    {
        Assert.Equal(["interaction.loperamide"], RulesOf("loperamide"));
        var rule = InteractionRuleBase.Default.Get("interaction.loperamide");
        Assert.Contains("high doses", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("FDA-DSC-LOPERAMIDE-2016", rule.Sources);
    }

    [Theory]
    [InlineData("hydroxyzine")]
    [InlineData("promethazine")]
    public void Sedating_antihistamines_match_the_CNS_depressant_and_QT_rules(string name)
    {
        Assert.Equal(["interaction.cns-depressants-other", "interaction.qt-prolonging"], RulesOf(name));
    }

    [Theory]
    [InlineData("phenelzine")]
    [InlineData("tranylcypromine")]
    [InlineData("linezolid")]
    public void MAO_inhibitors_and_linezolid_match_the_MAOI_and_serotonergic_rules_FDA_2016_opioid_labelling(string name)
    {
        var rules = RulesOf(name);

        Assert.Contains("interaction.maoi", rules);
        Assert.Contains("interaction.serotonergic", rules);
        Assert.Equal(AlertSeverity.High, InteractionRuleBase.Default.Get("interaction.maoi").Severity);
    }

    [Theory]
    [InlineData("mirtazapine", "interaction.serotonergic")]
    [InlineData("mirtazapine", "interaction.cns-depressants-other")]
    [InlineData("sumatriptan", "interaction.serotonergic")]
    [InlineData("rizatriptan", "interaction.serotonergic")]
    public void Mirtazapine_and_triptans_are_screened_as_serotonergic(string name, string rule)
    {
        Assert.Contains(rule, RulesOf(name));
    }

    [Theory]
    [InlineData("methamphetamine")]
    [InlineData("cocaine")]
    [InlineData("modafinil")]
    public void Stimulants_match_the_stimulant_rule_with_kratom_tachycardia_and_seizure_figures_Eggleston_2019_Leong_Abdullah_2021(string name)
    {
        Assert.Equal(["interaction.stimulants"], RulesOf(name));
        var rule = InteractionRuleBase.Default.Get("interaction.stimulants");
        Assert.Contains("6.1%", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("8.61", rule.Effect, StringComparison.Ordinal);
        Assert.Contains("KS-S51", rule.Sources);
    }

    [Theory]
    [InlineData("methadone")]
    [InlineData("oxycodone")]
    [InlineData("hydrocodone")]
    [InlineData("fentanyl")]
    [InlineData("buprenorphine")]
    public void Opioid_CYP3A_substrates_match_the_CYP3A_rule_as_well_as_the_opioid_rule_clinical_audit_E9(string name)
    {
        var rules = RulesOf(name);

        Assert.Contains("interaction.opioids", rules);
        Assert.Contains("interaction.cyp3a-narrow-substrates", rules);
        Assert.Contains("LABEL-OPIOID-CYP3A4", InteractionRuleBase.Default.Get("interaction.cyp3a-narrow-substrates").Sources);
    }

    [Theory]
    [InlineData("methadone")]
    [InlineData("fentanyl")]
    [InlineData("tramadol")]
    public void Methadone_fentanyl_and_tramadol_are_serotonergic_FDA_2016_opioid_labelling(string name)
    {
        Assert.Contains("interaction.serotonergic", RulesOf(name));
    }

    [Theory]
    [InlineData("antidepressant")]
    [InlineData("analgesic-non-opioid")]
    [InlineData("alpha2-agonist")]
    public void A_medicine_known_only_by_a_generic_class_is_too_broad_to_screen_never_no_known_interaction(string classId)
    {
        var screening = ScreenOne(new ScreenedMedicine("Unlisted brand", null, [classId]));

        Assert.Equal(ScreeningOutcome.ClassTooBroad, screening.Outcome);
        Assert.StartsWith("Class too broad to screen", screening.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("No known interaction", screening.Summary, StringComparison.Ordinal);
        Assert.True(DrugClassCatalogue.Default.GetClass(classId).Broad);
        Assert.False(string.IsNullOrWhiteSpace(DrugClassCatalogue.Default.GetClass(classId).ScreenAs));
    }

    [Fact]
    public void A_generic_class_beside_a_specific_one_without_a_rule_is_still_too_broad()
    {
        Assert.Equal(ScreeningOutcome.ClassTooBroad, ScreenOne(new ScreenedMedicine("Unlisted combination", null, ["antidepressant", "nsaid"])).Outcome);
    }

    [Fact]
    public void A_generic_class_on_a_medicine_with_a_matching_rule_still_finds_the_interaction()
    {
        var screening = ScreenOne(new ScreenedMedicine("Phenelzine", null, ["antidepressant"]));

        Assert.Equal(ScreeningOutcome.InteractionsFound, screening.Outcome);
    }

    [Fact]
    public void Paracetamol_is_noted_as_a_known_hepatotoxin_for_liver_monitoring_and_RUCAM_item_4()
    {
        var screening = ScreenOne(new ScreenedMedicine("acetaminophen"));

        var match = Assert.Single(screening.Matches);
        Assert.Equal("interaction.hepatotoxins", match.Rule.Id);
        Assert.Equal(AlertSeverity.Info, match.Rule.Severity);
        Assert.Contains("RUCAM", match.Rule.Effect, StringComparison.Ordinal);
        Assert.Contains("liver", match.Rule.Monitoring, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalogued_medicine_has_a_class_specific_enough_to_screen_or_is_named_by_a_rule()
    {
        // Bupropion is catalogued only as an antidepressant, but the serotonergic rule names it (case report KS-S42).
        Assert.All(DrugClassCatalogue.Default.Medicines, m =>
            Assert.True(m.Classes.Any(c => !DrugClassCatalogue.Default.GetClass(c).Broad)
                || InteractionRuleBase.Default.MedicineRules.Any(r => r.CoversSubstance(m.Name)), m.Name));
    }

    [Theory]
    [InlineData("interaction.opioids", "Mechanism-based; supported by observational poison-centre and death data; effect size not quantified.")]
    [InlineData("interaction.benzodiazepines", "Mechanism-based; supported by observational poison-centre data (multi-substance exposures); effect size not quantified.")]
    [InlineData("interaction.alcohol", "Mechanism-based; supported by observational poison-centre data (multi-substance exposures); effect size not quantified.")]
    [InlineData("interaction.cns-depressants-other", "Mechanism-based; supported by observational poison-centre data (multi-substance exposures); effect size not quantified.")]
    public void The_CNS_depressant_rules_say_their_observational_data_Post_2019_Olsen_2019_clinical_audit_E11(string ruleId, string summary)
    {
        Assert.Equal(summary, InteractionRuleBase.Default.Get(ruleId).EvidenceSummary);
    }

    [Fact]
    public void A_rule_citing_observational_evidence_never_says_not_observed()
    {
        Assert.All(InteractionRuleBase.Default.Rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.EvidenceSummary), r.Id);
            Assert.DoesNotContain("not observed", r.EvidenceSummary, StringComparison.OrdinalIgnoreCase);
            if (r.Evidence.Any(e => e.Level == EvidenceLevel.Observational && e.Finding == EvidenceFinding.Supports))
            {
                Assert.Contains("observational", r.EvidenceSummary, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Fact]
    public void The_CYP2D6_effect_says_it_was_studied_at_a_single_low_dose_and_the_habitual_dose_effect_is_unknown_Tanna_2023_clinical_audit_E18()
    {
        var rule = InteractionRuleBase.Default.Get("interaction.cyp2d6-substrates");

        Assert.Contains("Studied at a single low dose; effect at habitual doses unknown", rule.Effect, StringComparison.Ordinal);
        Assert.DoesNotContain("no specific monitoring follows", rule.Monitoring, StringComparison.Ordinal);
        var alert = Assert.Single(InteractionScreening.Screen([new ScreenedMedicine("Metoprolol")]).Alerts);
        Assert.Contains("effect at habitual doses unknown", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alert_carries_the_evidence_in_words_not_an_enum_name()
    {
        var alert = Assert.Single(InteractionScreening.Screen([new ScreenedMedicine("Diazepam")]).Alerts);

        Assert.Contains(alert.Inputs, i => i.Name == "Evidence" && i.Value.StartsWith("Mechanism-based; supported by observational", StringComparison.Ordinal));
    }
}

/// <summary>A clinician's one-line entry keeps the dose and frequency as written; the software never changes them.</summary>
public class MedicineEntryTextTests
{
    [Theory]
    [InlineData("alprazolam 0.5 mg tid", "alprazolam", "0.5 mg", "tid", "three times a day")]
    [InlineData("Methadone 60mg daily", "Methadone", "60 mg", "daily", "once a day")]
    [InlineData("sertraline 50 mg", "sertraline", "50 mg", null, null)]
    [InlineData("fentanyl 25 mcg/h patch every 72 hours", "fentanyl", "25 mcg/h", "patch every 72 hours", null)]
    [InlineData("quetiapine 25 mg nocte", "quetiapine", "25 mg", "nocte", "at night")]
    [InlineData("naltrexone", "naltrexone", null, null, null)]
    [InlineData("St John's wort", "St John's wort", null, null, null)]
    [InlineData("vitamin B12 1000 mcg weekly", "vitamin B12", "1000 mcg", "weekly", "once a week")]
    public void A_line_splits_into_name_dose_and_frequency_as_written(string text, string name, string? dose, string? frequency, string? meaning)
    {
        var entry = MedicineEntryText.Parse(text);

        Assert.Equal(name, entry.Name);
        Assert.Equal(dose, entry.Dose);
        Assert.Equal(frequency, entry.Frequency);
        Assert.Equal(meaning, entry.FrequencyInWords);
    }

    [Fact]
    public void Alprazolam_entered_with_dose_and_frequency_is_recognised_by_name()
    {
        var entry = MedicineEntryText.Parse("alprazolam 0.5 mg tid");

        var screening = Assert.Single(InteractionScreening.Screen([new ScreenedMedicine(entry.Name)]).Medicines);

        Assert.Equal("alprazolam", screening.CatalogueEntry?.Name);
        Assert.Contains(screening.Matches, m => m.Rule.Id == "interaction.benzodiazepines");
        Assert.Equal("0.5 mg, tid (three times a day)", entry.DoseAndFrequency);
    }
}
