using Speciosa.Clinical.Vitals;
using Xunit;

namespace Speciosa.Clinical.Tests.Vitals;

public class SeizureRiskTests
{
    [Theory]
    [InlineData("bupropion", "", "bupropion")]
    [InlineData("Bupropion XL", "antidepressant", "bupropion")]
    [InlineData("tramadol", "opioid", "tramadol")]
    [InlineData("7-OH tablets", "", "seven-oh-product")]
    [InlineData("MGM-15", "", "seven-oh-product")]
    [InlineData("mitragynine pseudoindoxyl", "", "seven-oh-product")]
    [InlineData("alcohol", "alcohol", "alcohol-or-benzodiazepine-withdrawal")]
    [InlineData("diazepam", "benzodiazepine", "alcohol-or-benzodiazepine-withdrawal")]
    [InlineData("methamphetamine", "stimulant", "stimulant")]
    public void Each_seizure_risk_on_the_medicine_list_raises_its_flag(string name, string classes, string flag)
    {
        var flags = SeizureRisk.Flags([new ListedMedicine(name, null, classes.Split(',', StringSplitOptions.RemoveEmptyEntries))]);

        Assert.Equal(flag, Assert.Single(flags).Definition.Id);
    }

    [Fact]
    public void A_medicine_list_without_them_raises_no_flag() =>
        Assert.Empty(SeizureRisk.Flags([new ListedMedicine("ibuprofen", null, ["nsaid"]), new ListedMedicine("sertraline", null, ["serotonergic"])]));

    [Fact]
    public void Every_flag_carries_its_sources_and_the_background_is_Eggleston_2019_6_1_percent()
    {
        Assert.Contains("6.1 %", SeizureRisk.Background, StringComparison.Ordinal);
        Assert.Contains("Eggleston", SeizureRisk.BackgroundSource.Citation, StringComparison.Ordinal);
        Assert.Contains("Pharmacotherapy 2019;39:775", SeizureRisk.BackgroundSource.Citation, StringComparison.Ordinal);
        Assert.Equal(6, SeizureRisk.Definitions.Count);
        Assert.All(SeizureRisk.Definitions, d => Assert.All(d.Sources, s => Assert.True(VitalSources.Contains(s), s)));
    }
}
