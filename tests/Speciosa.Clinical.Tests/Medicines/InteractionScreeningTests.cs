using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Medicines;
using Xunit;

namespace Speciosa.Clinical.Tests.Medicines;

public class InteractionScreeningTests
{
    private static MedicineScreening ScreenOne(ScreenedMedicine medicine) =>
        Assert.Single(InteractionScreening.Screen([medicine]).Medicines);

    [Theory]
    [InlineData("opioid", "interaction.opioids")]
    [InlineData("benzodiazepine", "interaction.benzodiazepines")]
    [InlineData("alcohol", "interaction.alcohol")]
    [InlineData("gabapentinoid", "interaction.gabapentinoids")]
    [InlineData("cns-depressant-other", "interaction.cns-depressants-other")]
    [InlineData("cyp3a-narrow-substrate", "interaction.cyp3a-narrow-substrates")]
    [InlineData("cyp2d6-substrate", "interaction.cyp2d6-substrates")]
    [InlineData("serotonergic", "interaction.serotonergic")]
    [InlineData("qt-prolonging", "interaction.qt-prolonging")]
    [InlineData("opioid-antagonist", "interaction.opioid-antagonists")]
    [InlineData("peripheral-opioid-agonist", "interaction.loperamide")]
    [InlineData("maoi", "interaction.maoi")]
    [InlineData("stimulant", "interaction.stimulants")]
    [InlineData("hepatotoxin", "interaction.hepatotoxins")]
    public void A_medicine_recorded_in_a_class_matches_that_class_rule(string classId, string ruleId)
    {
        var screening = ScreenOne(new ScreenedMedicine("Local product X", null, [classId]));

        Assert.Equal(ScreeningOutcome.InteractionsFound, screening.Outcome);
        var match = Assert.Single(screening.Matches);
        Assert.Equal(ruleId, match.Rule.Id);
        Assert.Equal([classId], match.MatchedClasses);
        Assert.Equal(new MedicineClass(classId, ClassOrigin.Recorded), Assert.Single(screening.Classes));
    }

    [Fact]
    public void A_medicine_with_two_recorded_classes_gets_both_rules()
    {
        var screening = ScreenOne(new ScreenedMedicine("Compound Y", null, ["opioid", "serotonergic"]));

        Assert.Equal(["interaction.opioids", "interaction.serotonergic"], screening.Matches.Select(m => m.Rule.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_catalogued_medicine_without_recorded_classes_is_screened_on_its_catalogue_classes()
    {
        var screening = ScreenOne(new ScreenedMedicine("Tramadol"));

        Assert.NotNull(screening.CatalogueEntry);
        Assert.All(screening.Classes, c => Assert.Equal(ClassOrigin.Catalogue, c.Origin));
        Assert.Equal(
            ["interaction.cyp2d6-substrates", "interaction.opioids", "interaction.serotonergic"],
            screening.Matches.Select(m => m.Rule.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Methadone_and_buprenorphine_match_the_opioid_rule()
    {
        var result = InteractionScreening.Screen([new ScreenedMedicine("methadone", "6813", ["opioid"]), new ScreenedMedicine("Buprenorphine")]);

        Assert.All(result.Medicines, m => Assert.Contains(m.Matches, x => x.Rule.Id == "interaction.opioids"));
        Assert.True(result.Medicines[1].Matches.Single(x => x.Rule.Id == "interaction.opioids").MatchedByName);
    }

    [Fact]
    public void Recorded_and_catalogue_classes_are_combined_so_no_rule_is_hidden()
    {
        var screening = ScreenOne(new ScreenedMedicine("midazolam", "6960", ["benzodiazepine"]));

        Assert.Contains(new MedicineClass("benzodiazepine", ClassOrigin.Recorded), screening.Classes);
        Assert.Contains(new MedicineClass("cyp3a-narrow-substrate", ClassOrigin.Catalogue), screening.Classes);
        Assert.Contains(screening.Matches, m => m.Rule.Id == "interaction.cyp3a-narrow-substrates");
    }

    [Fact]
    public void A_substance_named_in_a_case_report_matches_even_without_that_class()
    {
        var screening = ScreenOne(new ScreenedMedicine("Bupropion"));

        var match = Assert.Single(screening.Matches);
        Assert.Equal("interaction.serotonergic", match.Rule.Id);
        Assert.True(match.MatchedByName);
        Assert.Empty(match.MatchedClasses);
    }

    [Fact]
    public void An_unknown_medicine_without_classes_gives_no_data()
    {
        var screening = ScreenOne(new ScreenedMedicine("Unknownazine"));

        Assert.Equal(ScreeningOutcome.NoData, screening.Outcome);
        Assert.Empty(screening.Matches);
        Assert.Null(screening.CatalogueEntry);
        Assert.StartsWith("No data", screening.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_medicine_whose_recorded_classes_are_all_unrecognised_gives_no_data_and_lists_them()
    {
        var screening = ScreenOne(new ScreenedMedicine("Unknownazine", null, ["antifungal-azole"]));

        Assert.Equal(ScreeningOutcome.NoData, screening.Outcome);
        Assert.Equal(["antifungal-azole"], screening.UnrecognisedClasses);
    }

    [Fact]
    public void A_known_class_without_a_rule_gives_no_known_interaction_which_differs_from_no_data()
    {
        var known = ScreenOne(new ScreenedMedicine("Ibuprofen"));
        var unknown = ScreenOne(new ScreenedMedicine("Unknownazine"));

        Assert.Equal(ScreeningOutcome.NoKnownInteraction, known.Outcome);
        Assert.Contains(new MedicineClass("nsaid", ClassOrigin.Catalogue), known.Classes);
        Assert.StartsWith("No known interaction in this rule base", known.Summary, StringComparison.Ordinal);
        Assert.NotEqual(known.Outcome, unknown.Outcome);
        Assert.NotEqual(known.Summary, unknown.Summary);
    }

    [Fact]
    public void The_result_carries_the_rule_base_and_catalogue_versions()
    {
        var result = InteractionScreening.Screen([new ScreenedMedicine("Ibuprofen")]);

        Assert.Equal(InteractionRuleBase.Default.Version, result.RuleBaseVersion);
        Assert.Equal(InteractionRuleBase.Default.AsOf, result.RuleBaseAsOf);
        Assert.Equal(DrugClassCatalogue.Default.Version, result.CatalogueVersion);
    }

    [Fact]
    public void Each_medicine_and_rule_raises_one_alert_keyed_by_both()
    {
        var result = InteractionScreening.Screen([new ScreenedMedicine("Methadone", "6813", []), new ScreenedMedicine("Gabapentin")]);

        Assert.Contains(result.Alerts, a => a.ConditionKey == "interaction:interaction.opioids:rxnorm:6813" && a.Rule.Severity == AlertSeverity.High);
        Assert.Contains(result.Alerts, a => a.ConditionKey == "interaction:interaction.qt-prolonging:rxnorm:6813");
        var gabapentin = Assert.Single(result.Alerts, a => a.ConditionKey == "interaction:interaction.gabapentinoids:name:gabapentin");
        Assert.Contains("UNCONFIRMED", gabapentin.Message, StringComparison.Ordinal);
        Assert.Contains(gabapentin.Inputs, i => i.Name == "Interaction rule base version");
        Assert.Equal(result.Medicines.Sum(m => m.Matches.Count), result.Alerts.Count);
    }

    [Fact]
    public void The_same_medicine_entered_twice_raises_each_alert_once()
    {
        var result = InteractionScreening.Screen([new ScreenedMedicine("Diazepam"), new ScreenedMedicine("diazepam ")]);

        Assert.Single(result.Alerts);
    }

    [Fact]
    public void No_data_class_too_broad_and_no_known_interaction_raise_no_alert()
    {
        var result = InteractionScreening.Screen([new ScreenedMedicine("Unknownazine"), new ScreenedMedicine("Ibuprofen"), new ScreenedMedicine("Madeupine", null, ["antidepressant"])]);

        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void An_unscreened_lot_raises_the_adulterant_alert_even_with_no_co_medication()
    {
        var result = InteractionScreening.Screen([], lotWithoutAdulterantScreen: true);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal("interaction.adulterant-unscreened-lot", alert.Rule.Id);
        Assert.Equal("interaction:interaction.adulterant-unscreened-lot:lot", alert.ConditionKey);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Single(result.LotRules);
    }

    [Fact]
    public void A_screened_lot_raises_no_adulterant_alert()
    {
        var result = InteractionScreening.Screen([]);

        Assert.Empty(result.Alerts);
        Assert.Empty(result.LotRules);
    }

    [Fact]
    public void The_cyp2d6_alert_is_informational_and_says_the_study_was_negative()
    {
        var result = InteractionScreening.Screen([new ScreenedMedicine("Metoprolol")]);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(AlertSeverity.Info, alert.Rule.Severity);
        Assert.Contains("clinical study was negative", alert.Message, StringComparison.Ordinal);
    }
}
