using Speciosa.Clinical.Products;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Vitals;
using Xunit;

namespace Speciosa.Clinical.Tests.Vitals;

/// <summary>"Or intake is high" (ECG prompt, clinical audit 3.9) and "high doses" (seizure risk, 3.10): the figure is the
/// clinic's own (LOCAL-HIGH-INTAKE, UNCONFIRMED); the software has none.</summary>
public class HighIntakeTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly ListedMedicine Ibuprofen = new("ibuprofen", null, ["nsaid"]);
    private static readonly ListedMedicine Methadone = new("methadone", "60 mg", ["opioid", "qt-prolonging"]);

    private static DailyAlkaloidTotal Total(decimal? mitragynineMg, bool estimate = false, bool upperBound = false) =>
        new(10m, mitragynineMg, 1m, estimate, upperBound);

    private static IntakePeak Peak(params (int DaysAgo, decimal? Mg)[] days) =>
        IntakePeak.Over(days.Select(d => (Today.AddDays(-d.DaysAgo), d.Mg is null ? null : Total(d.Mg))).ToList(), Today);

    [Theory]
    [InlineData(299.9, false)]
    [InlineData(300, true)]
    [InlineData(300.1, true)]
    public void Intake_is_high_at_or_above_the_clinic_s_figure_and_not_below_it(double mg, bool high)
    {
        var judged = HighIntake.Judge(Peak((2, (decimal)mg)), 300m);

        Assert.Equal(high, judged.IsHigh);
        Assert.Contains("at or above 300 mg", judged.Rule, StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED", judged.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Without_a_clinic_figure_no_intake_is_high_and_the_rule_says_the_software_has_no_default(int? figure)
    {
        var judged = HighIntake.Judge(Peak((0, 5000m)), figure);

        Assert.False(judged.IsHigh);
        Assert.Contains("no clinic figure for high intake is set", judged.Rule, StringComparison.Ordinal);
        Assert.Contains("5000 mg", judged.Finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void Only_the_14_clinic_days_ending_today_count(int daysAgo, bool counted)
    {
        var peak = Peak((daysAgo, 400m), (0, 100m));

        Assert.Equal(counted ? 400m : 100m, peak.PeakMitragynineMg);
        Assert.Equal(counted, HighIntake.Judge(peak, 300m).IsHigh);
    }

    [Fact]
    public void A_day_of_unknown_content_is_counted_and_never_guessed()
    {
        var peak = Peak((1, null), (3, 120m));
        var judged = HighIntake.Judge(peak, 300m);

        Assert.Equal(2, peak.DaysWithDoses);
        Assert.Equal(1, peak.DaysWithUnknownContent);
        Assert.False(judged.IsHigh);
        Assert.Contains("120 mg on 2026-11-27", judged.Finding, StringComparison.Ordinal);
        Assert.Contains("1 day(s) with a dose of unknown content not judged", judged.Finding, StringComparison.Ordinal);
        Assert.Contains("content unknown on every day", HighIntake.Judge(Peak((1, null)), 300m).Finding, StringComparison.Ordinal);
        Assert.Contains("no dose recorded", HighIntake.Judge(Peak(), 300m).Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estimate_from_a_label_claim_counts_and_says_so()
    {
        var peak = IntakePeak.Over([(Today, Total(350m, estimate: true))], Today);
        var judged = HighIntake.Judge(peak, 300m);

        Assert.True(judged.IsHigh);
        Assert.Contains("an estimate from a label claim", judged.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void High_intake_alone_prompts_an_ecg_under_its_own_rule_naming_the_finding_the_figure_and_its_source()
    {
        var alert = HeartRules.EcgPrompt([Ibuprofen], null, Now, VitalsThresholds.From(null, null, null, 300m),
            HighIntake.Judge(Peak((1, 320m)), 300m));

        Assert.NotNull(alert);
        Assert.Equal("heart.ecg-needed-for-high-intake", alert.Rule.Id);
        Assert.Contains(alert.Inputs, i => i.Name == "Intake" && i.Value.Contains("320 mg on 2026-11-29", StringComparison.Ordinal));
        Assert.Contains("mitragynine at or above 300 mg", alert.Threshold, StringComparison.Ordinal);
        Assert.Equal("LOCAL-HIGH-INTAKE", alert.Rule.Source.Id);
        Assert.True(alert.Rule.Source.Unconfirmed);
    }

    [Fact]
    public void Intake_below_the_figure_or_a_recent_ecg_prompts_nothing()
    {
        var thresholds = VitalsThresholds.From(null, null, null, 300m);

        Assert.Null(HeartRules.EcgPrompt([Ibuprofen], null, Now, thresholds, HighIntake.Judge(Peak((1, 299m)), 300m)));
        Assert.Null(HeartRules.EcgPrompt([Ibuprofen], Now.AddDays(-10), Now, thresholds, HighIntake.Judge(Peak((1, 320m)), 300m)));
    }

    [Fact]
    public void With_a_qt_medicine_the_medicine_rule_is_raised_and_high_intake_is_among_its_inputs()
    {
        var alert = HeartRules.EcgPrompt([Methadone], null, Now, VitalsThresholds.From(null, null, null, 300m),
            HighIntake.Judge(Peak((1, 320m)), 300m));

        Assert.Equal("heart.ecg-needed-for-qt-prolonging-medicine", alert!.Rule.Id);
        Assert.Contains(alert.Inputs, i => i.Name.StartsWith("Intake", StringComparison.Ordinal));
    }

    [Fact]
    public void High_intake_raises_the_seizure_risk_flag_and_intake_below_the_figure_does_not()
    {
        var flag = Assert.Single(SeizureRisk.Flags([Ibuprofen], HighIntake.Judge(Peak((0, 300m)), 300m)));

        Assert.Equal("high-intake", flag.Definition.Id);
        Assert.Contains("300 mg", flag.Intake, StringComparison.Ordinal);
        Assert.Contains(flag.Sources, s => s.Id == "KS-S51");
        Assert.Empty(SeizureRisk.Flags([Ibuprofen], HighIntake.Judge(Peak((0, 299m)), 300m)));
        Assert.Empty(SeizureRisk.Flags([Ibuprofen], HighIntake.Judge(Peak((0, 9000m)), null)));
    }
}
