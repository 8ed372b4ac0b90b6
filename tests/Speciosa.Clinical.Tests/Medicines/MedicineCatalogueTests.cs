using Speciosa.Clinical.Medicines;
using Xunit;

namespace Speciosa.Clinical.Tests.Medicines;

public sealed class MedicineCatalogueTests
{
    private static readonly MedicineCatalogue Catalogue = MedicineCatalogue.Default;

    [Fact]
    public void Every_medicine_the_interaction_catalogue_knows_is_found_by_name_with_its_classes_and_sources()
    {
        foreach (var m in DrugClassCatalogue.Default.Medicines)
        {
            var entry = Catalogue.Find(m.Name);
            Assert.NotNull(entry);
            Assert.True(entry.InClassCatalogue);
            Assert.Equal(m.Classes, entry.Classes);
            Assert.NotEmpty(entry.Sources);
        }
    }

    [Fact]
    public void A_common_name_added_for_search_carries_no_class_and_names_its_source_so_it_claims_nothing_about_interactions()
    {
        var metformin = Catalogue.Find("Metformin");
        Assert.NotNull(metformin);
        Assert.False(metformin.InClassCatalogue);
        Assert.Empty(metformin.Classes);
        Assert.Equal(["LOCAL-COMMON-NAMES"], metformin.Sources);
        Assert.Equal(ScreeningOutcome.NoData, InteractionScreening.Screen([new ScreenedMedicine("metformin", null, [])]).Medicines[0].Outcome);
    }

    [Fact]
    public void Search_lists_names_starting_with_the_query_before_names_containing_it_and_finds_aliases()
    {
        var found = Catalogue.Search("pam").Select(e => e.Name).ToList();
        Assert.Contains("diazepam", found);
        Assert.Equal("paracetamol", Catalogue.Search("acetamin")[0].Name);
        var ser = Catalogue.Search("ser").Select(e => e.Name).ToList();
        Assert.Equal("sertraline", ser[0]);
        Assert.Empty(Catalogue.Search("zzzz"));
    }

    [Theory]
    [InlineData("0.5 mg", "0.5", "mg")]
    [InlineData("12 mcg/h", "12", "mcg/h")]
    [InlineData("1-2 tabs", "1-2", "tablet")]
    [InlineData("5 ml", "5", "mL")]
    [InlineData("60mg", "60", "mg")]
    public void A_dose_written_with_its_unit_splits_into_the_amount_as_written_and_a_listed_unit(string text, string amount, string unit)
    {
        var split = Catalogue.SplitDose(text);
        Assert.NotNull(split);
        Assert.Equal(amount, split.Value.Amount);
        Assert.Equal(unit, split.Value.Unit.Id);
    }

    [Theory]
    [InlineData("0.5 mg/kg")]
    [InlineData("half a tablet")]
    [InlineData("mg")]
    public void A_dose_whose_unit_is_not_listed_does_not_split(string text) => Assert.Null(Catalogue.SplitDose(text));

    [Fact]
    public void Stopping_a_medicine_says_which_interactions_it_removed()
    {
        Assert.Equal("Stopping sertraline removed 1 interaction: Kratom with serotonergic drugs.",
            MedicineChangeWording.Describe("Stopping", "sertraline", ["Kratom with serotonergic drugs"], [], []));
        Assert.Equal("Marking diazepam entered in error removed 2 interactions: A; B and cleared 1 other alert: C.",
            MedicineChangeWording.Describe("Marking", "diazepam", ["A", "B"], ["C"], [], " entered in error"));
        Assert.Equal("Adding ibuprofen changed no alert.", MedicineChangeWording.Describe("Adding", "ibuprofen", [], [], []));
        Assert.Equal("Adding x removed 1 interaction: A, cleared 1 other alert: B and raised 1 alert: C.",
            MedicineChangeWording.Describe("Adding", "x", ["A"], ["B"], ["C"]));
    }
}
