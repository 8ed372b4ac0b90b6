using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

public class LiverTestCatalogueTests
{
    [Theory]
    [InlineData(LiverTest.Alt, "1742-6", "U/L")]
    [InlineData(LiverTest.Ast, "1920-8", "U/L")]
    [InlineData(LiverTest.Alp, "6768-6", "U/L")]
    [InlineData(LiverTest.TotalBilirubin, "1975-2", "mg/dL")]
    [InlineData(LiverTest.Ggt, "2324-2", "U/L")]
    [InlineData(LiverTest.Inr, "6301-6", "{INR}")]
    public void Each_liver_test_carries_its_loinc_code_and_ucum_unit(LiverTest test, string loinc, string unit)
    {
        var definition = LiverTestCatalogue.Default.Get(test);

        Assert.Equal(loinc, definition.Loinc);
        Assert.Equal(unit, definition.EvaluationUnit);
        Assert.NotEmpty(definition.Sources);
    }

    [Fact]
    public void Every_cited_source_exists_in_the_liver_source_list()
    {
        var cited = LiverTestCatalogue.Default.Tests.SelectMany(t => t.Sources)
            .Concat(RucamCatalogue.Default.Sources);

        foreach (var id in cited)
        {
            Assert.Equal(id, LiverSources.Get(id).Id);
        }
    }

    [Fact]
    public void The_bilirubin_micromolar_factor_17_1_follows_from_the_molar_mass_and_is_not_flagged_audit_E27()
    {
        var micromolar = LiverTestCatalogue.Default.FindUnit(LiverTest.TotalBilirubin, "umol/L");

        Assert.NotNull(micromolar);
        Assert.Equal(17.1m, micromolar.Divisor);
        Assert.False(micromolar.Unconfirmed);
        Assert.False(LiverSources.Get(micromolar.Source!).Unconfirmed);
        Assert.Contains("584.66", LiverSources.Get(micromolar.Source!).Citation, StringComparison.Ordinal);
    }
}
