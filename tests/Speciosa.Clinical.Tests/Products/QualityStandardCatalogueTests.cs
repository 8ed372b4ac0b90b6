using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class QualityStandardCatalogueTests
{
    [Fact]
    public void The_shipped_standards_are_all_loaded()
    {
        Assert.Equal(
            ["adulterant-screen", "label-claim", "semi-synthetic-7-oh-screen", "seven-oh-share", "usp-2023-botanical-for-boiling-water", "usp-2023-dried-botanical",
                "usp-2023-powdered-extract", "usp-2023-supplement-with-botanicals", "usp-2232", "utah-r70-580-5", "utah-r70-580-8"],
            QualityStandardCatalogue.All.Select(s => s.Id));
    }

    [Fact]
    public void Every_standard_names_its_source_version_and_as_of_date()
    {
        Assert.All(QualityStandardCatalogue.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Source.Citation));
            Assert.True(s.Version >= 1);
            Assert.NotEqual(default, s.AsOf);
        });
    }

    [Fact]
    public void Every_limit_names_a_catalogued_analyte_and_a_known_unit()
    {
        var catalogue = AnalyteCatalogue.Default;
        Assert.All(QualityStandardCatalogue.All.SelectMany(s => s.Limits), l =>
        {
            Assert.NotNull(catalogue.TryFind(l.Analyte));
            if (l.Unit is not null)
            {
                Assert.NotNull(catalogue.TryUnit(l.Unit));
            }
        });
    }

    [Fact]
    public void Each_standard_lists_the_analytes_it_requires()
    {
        Assert.Equal(["lead", "inorganic-arsenic", "cadmium", "mercury"], QualityStandardCatalogue.Get("usp-2232").RequiredAnalytes);
        Assert.Contains("7-hydroxymitragynine", QualityStandardCatalogue.Get("utah-r70-580-5").RequiredAnalytes);
    }

    [Fact]
    public void Figures_not_checked_in_the_rule_text_are_flagged_in_the_data()
    {
        var utah = QualityStandardCatalogue.Get("utah-r70-580-5");
        Assert.False(utah.Limits.Single(l => l.Analyte == "salmonella").Unconfirmed); // E23: as printed
        Assert.False(utah.Limits.Single(l => l.Analyte == "lead").Unconfirmed);
        Assert.True(QualityStandardCatalogue.Get("utah-r70-580-8").Limits.Single(l => l.Analyte == "cannabinoids").Unconfirmed);
    }

    [Fact]
    public void The_two_analyte_screen_is_named_for_what_it_is_clinical_audit_E13()
    {
        var screen = QualityStandardCatalogue.Get("adulterant-screen");

        Assert.StartsWith("2-analyte screen", screen.Title, StringComparison.Ordinal);
        Assert.Equal(["o-desmethyltramadol", "phenylethylamine"], screen.Limits.Select(l => l.Analyte));
        Assert.DoesNotContain("reported adulterants not detected", screen.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_label_claim_tolerance_is_the_clinics_to_set()
    {
        Assert.All(QualityStandardCatalogue.Get("label-claim").Limits, l => Assert.Null(l.Max));
        Assert.All(QualityStandardCatalogue.LabelClaim(10m).Limits, l => Assert.Equal(10m, l.Max));
    }
}
