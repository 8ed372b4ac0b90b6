using Speciosa.Clinical.Vitals;
using Xunit;

namespace Speciosa.Clinical.Tests.Vitals;

public class VitalSignValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string[]> Check(VitalSignReading reading) => VitalSignValidation.Validate(reading, Now.AddMinutes(-10), Now);

    [Theory]
    [InlineData(20, true)]
    [InlineData(250, true)]
    [InlineData(19, false)]
    [InlineData(251, false)]
    public void Heart_rate_is_accepted_from_20_to_250_beats_a_minute(int bpm, bool ok) =>
        Assert.Equal(ok, !Check(new(HeartRateBpm: bpm)).ContainsKey("heartRateBpm"));

    [Theory]
    [InlineData(0, true)]
    [InlineData(80, true)]
    [InlineData(-1, false)]
    [InlineData(81, false)]
    public void Respiratory_rate_is_accepted_from_0_to_80_breaths_a_minute(int rr, bool ok) =>
        Assert.Equal(ok, !Check(new(RespiratoryRatePerMin: rr)).ContainsKey("respiratoryRatePerMin"));

    [Theory]
    [InlineData(50, true)]
    [InlineData(100, true)]
    [InlineData(49, false)]
    [InlineData(101, false)]
    public void Spo2_is_accepted_from_50_to_100_percent(int spo2, bool ok) =>
        Assert.Equal(ok, !Check(new(Spo2Percent: spo2)).ContainsKey("spo2Percent"));

    [Theory]
    [InlineData("30", true)]
    [InlineData("44", true)]
    [InlineData("36.6", true)]
    [InlineData("29.9", false)]
    [InlineData("44.1", false)]
    [InlineData("36.65", false)]
    public void Temperature_is_accepted_from_30_to_44_degrees_with_one_decimal(string celsius, bool ok) =>
        Assert.Equal(ok, !Check(new(TemperatureCelsius: decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture))).ContainsKey("temperatureCelsius"));

    [Fact]
    public void A_value_out_of_range_names_its_field_its_range_and_its_unit()
    {
        var errors = Check(new(HeartRateBpm: 300));

        Assert.Equal("Heart rate in beats a minute: a whole number from 20 to 250.", Assert.Single(errors["heartRateBpm"]));
    }

    [Fact]
    public void Blood_pressure_needs_both_values_and_the_systolic_above_the_diastolic()
    {
        Assert.True(Check(new(SystolicMmHg: 120)).ContainsKey("diastolicMmHg"));
        Assert.True(Check(new(DiastolicMmHg: 80)).ContainsKey("systolicMmHg"));
        Assert.True(Check(new(SystolicMmHg: 80, DiastolicMmHg: 80)).ContainsKey("diastolicMmHg"));
        Assert.Empty(Check(new(SystolicMmHg: 81, DiastolicMmHg: 80)));
        Assert.True(Check(new(SystolicMmHg: 49, DiastolicMmHg: 40)).ContainsKey("systolicMmHg"));
        Assert.Empty(Check(new(SystolicMmHg: 300, DiastolicMmHg: 200)));
    }

    [Theory]
    [InlineData("S")]
    [InlineData("s")]
    [InlineData("1")]
    [InlineData("4")]
    public void Every_poss_level_is_accepted(string level) => Assert.Empty(Check(new(Poss: level)));

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("drowsy")]
    public void An_answer_that_is_no_poss_level_is_refused_naming_the_levels(string level) =>
        Assert.Contains("3 (Frequently drowsy", Assert.Single(Check(new(Poss: level))["poss"]), StringComparison.Ordinal);

    [Fact]
    public void An_empty_set_and_a_future_time_are_refused()
    {
        Assert.True(Check(new()).ContainsKey("observations"));
        Assert.True(VitalSignValidation.Validate(new(HeartRateBpm: 80), Now.AddHours(1), Now).ContainsKey("takenAt"));
    }

    [Fact]
    public void Every_observation_has_a_ucum_unit_and_a_loinc_code()
    {
        Assert.Equal(6, VitalSignCatalogue.Default.Observations.Count);
        Assert.All(VitalSignCatalogue.Default.Observations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Unit));
            Assert.Matches(@"^\d+-\d$", o.Loinc);
        });
        Assert.Equal(["S", "1", "2", "3", "4"], VitalSignCatalogue.Default.Poss.Levels.Select(l => l.Level));
        Assert.Equal(["3", "4"], VitalSignCatalogue.Default.Poss.Levels.Where(l => l.Unacceptable).Select(l => l.Level));
    }
}
