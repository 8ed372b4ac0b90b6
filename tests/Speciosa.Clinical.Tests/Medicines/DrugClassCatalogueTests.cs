using Speciosa.Clinical.Medicines;
using Xunit;

namespace Speciosa.Clinical.Tests.Medicines;

public class DrugClassCatalogueTests
{
    private static readonly DrugClassCatalogue Catalogue = DrugClassCatalogue.Default;

    [Theory]
    [InlineData("opioid")]
    [InlineData("benzodiazepine")]
    [InlineData("alcohol")]
    [InlineData("gabapentinoid")]
    [InlineData("cns-depressant-other")]
    [InlineData("cyp3a-narrow-substrate")]
    [InlineData("cyp2d6-substrate")]
    [InlineData("serotonergic")]
    [InlineData("qt-prolonging")]
    [InlineData("opioid-antagonist")]
    [InlineData("maoi")]
    [InlineData("stimulant")]
    [InlineData("hepatotoxin")]
    public void The_catalogue_holds_each_class_the_rule_base_needs(string classId)
    {
        Assert.True(Catalogue.IsKnownClass(classId));
    }

    [Fact]
    public void Every_medicine_has_known_classes_and_catalogued_sources()
    {
        Assert.All(Catalogue.Medicines, m =>
        {
            Assert.NotEmpty(m.Classes);
            Assert.All(m.Classes, c => Assert.True(Catalogue.IsKnownClass(c), $"{m.Name}: {c}"));
            Assert.All(m.Sources, s => Assert.True(InteractionSources.Contains(s), $"{m.Name}: {s}"));
        });
    }

    [Fact]
    public void Medicine_names_and_rxnorm_codes_are_unique()
    {
        Assert.Equal(Catalogue.Medicines.Count, Catalogue.Medicines.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var codes = Catalogue.Medicines.Where(m => m.RxNorm is not null).Select(m => m.RxNorm).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[0-9]+$", c));
    }

    [Fact]
    public void A_medicine_is_found_by_name_alias_or_rxnorm_code()
    {
        Assert.Equal("methadone", Catalogue.Find("Methadone ", null)!.Name);
        Assert.Equal("paracetamol", Catalogue.Find("Acetaminophen", null)!.Name);
        Assert.Equal("methadone", Catalogue.Find("Methadose", "6813")!.Name);
        Assert.Null(Catalogue.Find("unknownazine", null));
    }

    [Fact]
    public void A_medicine_may_have_several_classes()
    {
        var tramadol = Catalogue.Find("tramadol", null)!;
        Assert.Contains("opioid", tramadol.Classes);
        Assert.Contains("serotonergic", tramadol.Classes);
    }
}
