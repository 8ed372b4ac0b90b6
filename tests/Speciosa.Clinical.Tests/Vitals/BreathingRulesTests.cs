using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Vitals;
using Xunit;

namespace Speciosa.Clinical.Tests.Vitals;

public class BreathingRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly ListedMedicine Alprazolam = new("alprazolam", "0.5 mg", ["benzodiazepine"]);
    private static readonly ListedMedicine Gabapentin = new("gabapentin", null, ["gabapentinoid"]);
    private static readonly ListedMedicine Alcohol = new("alcohol", null, ["alcohol"]);
    private static readonly ListedMedicine Sertraline = new("sertraline", null, ["antidepressant", "serotonergic"]);

    private static BreathingAssessment Evaluate(VitalSignReading reading, params ListedMedicine[] medicines) =>
        BreathingRules.Evaluate(reading, At, medicines, VitalsThresholds.SoftwareDefaults);

    [Theory]
    [InlineData("S", false)]
    [InlineData("1", false)]
    [InlineData("2", false)]
    [InlineData("3", true)]
    [InlineData("4", true)]
    public void Poss_3_and_4_are_unacceptable_sedation_Pasero_2009(string level, bool alert)
    {
        var result = Evaluate(new(Poss: level));

        Assert.Equal(alert, result.Alerts.Any(a => a.Rule == VitalAlertRules.UnacceptableSedation && a.Rule.Severity == AlertSeverity.High));
    }

    [Fact]
    public void Poss_3_with_alprazolam_on_the_list_is_Critical_naming_the_finding_the_medicine_and_the_source()
    {
        var result = Evaluate(new(Poss: "3"), Alprazolam);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(VitalAlertRules.DepressionWithCnsDepressant, alert.Rule);
        Assert.Equal(AlertSeverity.Critical, alert.Rule.Severity);
        Assert.Contains(alert.Inputs, i => i.Name == "POSS" && i.Value.StartsWith("3 — Frequently drowsy", StringComparison.Ordinal));
        Assert.Contains(alert.Inputs, i => i.Name == "CNS depressants on the medicine list" && i.Value == "alprazolam 0.5 mg (benzodiazepine)");
        Assert.Contains("POSS 3 or 4", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains("benzodiazepine, gabapentinoid or alcohol", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains("Pasero", alert.Rule.Source.Citation + VitalSources.Poss.Citation, StringComparison.Ordinal);
        Assert.True(result.Critical);
    }

    [Fact]
    public void Gabapentinoids_and_alcohol_make_it_Critical_too_and_a_medicine_of_another_class_does_not()
    {
        Assert.True(Evaluate(new(Poss: "4"), Gabapentin).Critical);
        Assert.True(Evaluate(new(RespiratoryRatePerMin: 8), Alcohol).Critical);
        Assert.False(Evaluate(new(Poss: "3"), Sertraline).Critical);
        Assert.Empty(Evaluate(new(Poss: "2"), Alprazolam).Alerts);
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, false)]
    [InlineData(0, true)]
    public void A_respiratory_rate_below_the_software_default_of_10_alerts_and_10_does_not(int rr, bool alert) =>
        Assert.Equal(alert, Evaluate(new(RespiratoryRatePerMin: rr)).Alerts.Any(a => a.Rule == VitalAlertRules.LowRespiratoryRate));

    [Theory]
    [InlineData(89, true)]
    [InlineData(90, false)]
    public void Spo2_below_the_software_default_of_90_alerts_and_90_does_not(int spo2, bool alert) =>
        Assert.Equal(alert, Evaluate(new(Spo2Percent: spo2)).Alerts.Any(a => a.Rule == VitalAlertRules.LowSpo2));

    [Fact]
    public void A_clinic_threshold_replaces_the_software_default_and_the_threshold_says_which_it_is()
    {
        var clinic = VitalsThresholds.From(12, 94, null);

        var rr = Assert.Single(BreathingRules.Evaluate(new(RespiratoryRatePerMin: 11), At, [], clinic).Alerts);
        Assert.Equal("respiratory rate below 12 /min (clinic setting; UNCONFIRMED)", rr.Threshold);
        Assert.Empty(BreathingRules.Evaluate(new(RespiratoryRatePerMin: 12, Spo2Percent: 94), At, [], clinic).Alerts);
        var spo2 = Assert.Single(Evaluate(new(Spo2Percent: 85)).Alerts);
        Assert.Contains("software default, not a clinic decision", spo2.Threshold, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_findings_with_a_depressant_make_one_Critical_alert_naming_each()
    {
        var alert = Assert.Single(Evaluate(new(Poss: "4", RespiratoryRatePerMin: 6, Spo2Percent: 84), Alprazolam, Gabapentin).Alerts);

        Assert.Equal(BreathingRules.CombinationKey, alert.ConditionKey);
        Assert.Contains("POSS 4", alert.Message, StringComparison.Ordinal);
        Assert.Contains("respiratory rate 6 /min", alert.Message, StringComparison.Ordinal);
        Assert.Contains("SpO2 84 %", alert.Message, StringComparison.Ordinal);
        Assert.Contains("gabapentin (gabapentinoid)", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normal_readings_raise_nothing_whatever_the_medicine_list()
    {
        Assert.Empty(Evaluate(new(HeartRateBpm: 80, RespiratoryRatePerMin: 14, Spo2Percent: 98, Poss: "1"), Alprazolam, Alcohol).Alerts);
    }

    [Fact]
    public void Every_vitals_and_heart_rule_has_an_id_a_version_and_a_source()
    {
        Assert.All(VitalAlertRules.All, r =>
        {
            Assert.Matches("^(vitals|heart)\\.", r.Id);
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.Source.Citation));
        });
        Assert.True(VitalSources.Krantz2009.Unconfirmed); // not in the project reference: shown as such
    }
}
