using Speciosa.Clinical.Withdrawal.Opioids;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class MmeCalculatorTests
{
    [Fact]
    public void Oxycodone_10_mg_twice_daily_is_20_mg_a_day_and_30_mme_the_published_example()
    {
        var result = MmeCalculator.PerDay("oxycodone", 20m, DoseUnit.MilligramsPerDay);

        Assert.Equal(MmeStatus.Computed, result.Status);
        Assert.Equal(30m, result.MmePerDay);
        Assert.Equal("CDC 2022", result.TableVersion);
    }

    [Theory]
    [InlineData("codeine", 100, DoseUnit.MilligramsPerDay, 0.15, 15)]
    [InlineData("fentanyl-transdermal", 25, DoseUnit.MicrogramsPerHour, 2.4, 60)]
    [InlineData("hydrocodone", 30, DoseUnit.MilligramsPerDay, 1.0, 30)]
    [InlineData("hydromorphone", 8, DoseUnit.MilligramsPerDay, 5.0, 40)]
    [InlineData("methadone", 10, DoseUnit.MilligramsPerDay, 4.7, 47)]
    [InlineData("morphine", 60, DoseUnit.MilligramsPerDay, 1.0, 60)]
    [InlineData("oxycodone", 20, DoseUnit.MilligramsPerDay, 1.5, 30)]
    [InlineData("oxymorphone", 10, DoseUnit.MilligramsPerDay, 3.0, 30)]
    [InlineData("tapentadol", 100, DoseUnit.MilligramsPerDay, 0.4, 40)]
    [InlineData("tramadol", 200, DoseUnit.MilligramsPerDay, 0.2, 40)]
    public void Every_cdc_2022_table_entry_converts_with_its_published_factor(
        string substance, int amount, DoseUnit unit, double factor, int expectedMme)
    {
        var result = MmeCalculator.PerDay(substance, amount, unit);

        Assert.Equal(MmeStatus.Computed, result.Status);
        Assert.Equal((decimal)factor, result.Factor);
        Assert.Equal(expectedMme, result.MmePerDay);
        Assert.Equal("CDC 2022", result.TableVersion);
    }

    [Fact]
    public void Every_substance_with_a_factor_is_covered_by_the_table_test()
    {
        Assert.Equal(
            ["codeine", "fentanyl-transdermal", "hydrocodone", "hydromorphone", "methadone", "morphine", "oxycodone", "oxymorphone", "tapentadol", "tramadol"],
            OpioidSubstanceCatalog.Default.Substances.Where(s => s.MmeFactor is not null).Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("heroin", false)]
    [InlineData("fentanyl-illicit", false)]
    [InlineData("buprenorphine", false)] // E27: the exclusion is in the CDC 2022 text itself
    public void Substances_without_a_factor_are_not_computable_with_the_reason(string substance, bool reasonUnconfirmed)
    {
        var result = MmeCalculator.PerDay(substance, 50m, DoseUnit.MilligramsPerDay);

        Assert.Equal(MmeStatus.NotComputable, result.Status);
        Assert.Null(result.MmePerDay);
        Assert.Null(result.Factor);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Equal(reasonUnconfirmed, result.ReasonUnconfirmed);
        Assert.Equal("CDC 2022", result.TableVersion);
    }

    [Fact]
    public void Transdermal_fentanyl_in_mg_per_day_is_refused_naming_mcg_per_hour()
    {
        var result = MmeCalculator.PerDay("fentanyl-transdermal", 25m, DoseUnit.MilligramsPerDay);
        Assert.Equal(MmeStatus.Refused, result.Status);
        Assert.Contains("mcg/hr", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Oral_morphine_in_mcg_per_hour_is_refused()
    {
        Assert.Equal(MmeStatus.Refused, MmeCalculator.PerDay("morphine", 25m, DoseUnit.MicrogramsPerHour).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_amount_not_above_zero_is_refused(int amount)
    {
        Assert.Equal(MmeStatus.Refused, MmeCalculator.PerDay("morphine", amount, DoseUnit.MilligramsPerDay).Status);
    }

    [Fact]
    public void An_unknown_substance_is_refused_and_no_mme_is_guessed()
    {
        var result = MmeCalculator.PerDay("not-a-substance", 10m, DoseUnit.MilligramsPerDay);
        Assert.Equal(MmeStatus.Refused, result.Status);
        Assert.Null(result.MmePerDay);
    }

    [Fact]
    public void Methadone_and_transdermal_fentanyl_carry_their_extra_care_caution()
    {
        Assert.Contains(MmeCalculator.PerDay("methadone", 10m, DoseUnit.MilligramsPerDay).Cautions, c => c.Contains("methadone", StringComparison.Ordinal));
        Assert.Contains(MmeCalculator.PerDay("fentanyl-transdermal", 12m, DoseUnit.MicrogramsPerHour).Cautions, c => c.Contains("fentanyl", StringComparison.Ordinal));
    }
}
