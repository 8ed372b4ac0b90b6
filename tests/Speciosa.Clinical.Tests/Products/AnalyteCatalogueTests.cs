using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

public class AnalyteCatalogueTests
{
    private readonly AnalyteCatalogue catalogue = AnalyteCatalogue.Default;

    [Theory]
    [InlineData("mitragynine", 1.95, "%w/w", "mg/g", 19.5)]
    [InlineData("mitragynine", 19.48, "mg/g", "%w/w", 1.948)]
    [InlineData("7-hydroxymitragynine", 0.3, "mg/g", "µg/g", 300)]
    [InlineData("lead", 1.2, "ppm", "µg/g", 1.2)]
    [InlineData("lead", 1.2, "mg/kg", "µg/g", 1.2)]
    [InlineData("lead", 160, "ppb", "µg/g", 0.16)]
    [InlineData("cadmium", 0.82, "ppm", "ng/g", 820)]
    public void Values_convert_between_the_units_an_analyte_allows(string analyte, double value, string from, string to, double expected)
    {
        Assert.Equal((decimal)expected, catalogue.Convert(analyte, (decimal)value, from, to));
    }

    [Fact]
    public void Mg_per_serving_converts_to_mg_per_gram_through_the_serving_size()
    {
        Assert.Equal(15m, catalogue.Convert("mitragynine", 75m, "mg/serving", "mg/g", servingGrams: 5m));
        Assert.Equal(75m, catalogue.Convert("mitragynine", 1.5m, "%w/w", "mg/serving", servingGrams: 5m));
    }

    [Fact]
    public void Mg_per_serving_without_a_serving_size_does_not_convert()
    {
        Assert.Throws<ArgumentException>(() => catalogue.Convert("mitragynine", 75m, "mg/serving", "mg/g"));
    }

    [Fact]
    public void A_unit_the_analyte_may_not_be_reported_in_is_rejected_by_conversion()
    {
        var error = Assert.Throws<ArgumentException>(() => catalogue.Convert("lead", 1m, "CFU/g", "µg/g"));
        Assert.Contains("not allowed for lead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_unit_for_an_analyte_is_a_field_keyed_problem()
    {
        var problems = catalogue.Check([Coa.Measured("lead", 1m, "CFU/g"), Coa.Measured("salmonella", 1m, "µg/g")]);

        Assert.Collection(
            problems,
            p => Assert.Equal((0, "unit"), (p.Index, p.Field)),
            p => Assert.Equal((1, "unit"), (p.Index, p.Field)));
    }

    [Fact]
    public void Judging_a_certificate_with_a_wrong_unit_is_refused_rather_than_guessed()
    {
        var results = Coa.CleanWith("lead", Coa.Measured("lead", 0.1m, "mg/serving"));

        Assert.Throws<ArgumentException>(() => Coa.Judge(results, "usp-2232"));
    }

    [Fact]
    public void Unknown_analytes_duplicates_and_quantified_results_without_a_value_are_problems()
    {
        var problems = catalogue.Check(
        [
            Coa.Measured("kratomine", 1m, "mg/g"),
            Coa.Measured("lead", 0.1m, "µg/g"),
            Coa.Measured("Pb", 0.2m, "ppm"),
            new AnalyteResult("cadmium", null, "µg/g"),
        ]);

        Assert.Equal(["analyte", "analyte", "value"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Aliases_name_the_same_analyte()
    {
        Assert.Equal("7-hydroxymitragynine", catalogue.Find("7-OH").Id);
        Assert.Equal("lead", catalogue.Find("Pb").Id);
    }

    [Fact]
    public void Every_analyte_class_named_in_the_brief_is_in_the_catalogue()
    {
        string[] expected =
        [
            "mitragynine", "7-hydroxymitragynine", "speciogynine", "paynantheine", "speciociliatine",
            "lead", "arsenic", "cadmium", "mercury", "nickel",
            "salmonella", "escherichia-coli", "total-aerobic-microbial-count", "total-yeast-and-mould",
            "o-desmethyltramadol", "phenylethylamine",
        ];

        Assert.All(expected, id => Assert.NotNull(catalogue.TryFind(id)));
        Assert.Contains(catalogue.Analytes, a => a.Class == AnalyteClass.ResidualSolvent);
    }

    [Fact]
    public void Every_analyte_allows_only_known_units()
    {
        Assert.All(catalogue.Analytes, a => Assert.All(a.Units, u => Assert.NotNull(catalogue.TryUnit(u))));
    }

    [Fact]
    public void Product_facts_with_non_positive_grams_or_claims_for_non_alkaloids_are_problems()
    {
        var problems = catalogue.Check(new ProductFacts(0m, -1m, [new LabelClaim("lead", 1m), new LabelClaim("7-OH", 0m)]));

        Assert.Equal(["maximumDailyGrams", "servingGrams", "labelClaims.analyte", "labelClaims.mgPerServing"], problems.Select(p => p.Field));
    }
}
