using Speciosa.Clinical.Vitals;
using Xunit;

namespace Speciosa.Clinical.Tests.Vitals;

public class HeartRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly ListedMedicine Methadone = new("methadone", "60 mg", ["opioid", "qt-prolonging"]);
    private static readonly ListedMedicine Loperamide = new("loperamide", "16 mg", ["peripheral-opioid-agonist"]);
    private static readonly ListedMedicine Ibuprofen = new("ibuprofen", null, ["nsaid"]);

    [Theory]
    [InlineData(450, null)]
    [InlineData(451, "heart.qtc-above-450-discuss")]
    [InlineData(500, "heart.qtc-above-450-discuss")]
    [InlineData(501, "heart.qtc-above-500-act")]
    public void Qtc_above_450_ms_is_discuss_and_above_500_ms_is_act_Krantz_2009(int qtc, string? rule)
    {
        var alerts = HeartRules.EvaluateQtc(new(qtc, "fridericia"), Now);

        Assert.Equal(rule, alerts.SingleOrDefault()?.Rule.Id);
    }

    [Fact]
    public void The_qtc_alert_names_the_correction_formula_the_threshold_and_its_source()
    {
        var alert = Assert.Single(HeartRules.EvaluateQtc(new(512, "bazett"), Now));

        Assert.Contains(alert.Inputs, i => i.Name == "Correction formula" && i.Value.StartsWith("Bazett", StringComparison.Ordinal));
        Assert.Contains(alert.Inputs, i => i.Name == "QTc" && i.Value == "512 ms");
        Assert.Contains("above 500 ms: act", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains("Krantz", alert.Rule.Source.Citation, StringComparison.Ordinal);
        Assert.Contains("Ann Intern Med 2009", alert.Rule.Source.Citation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(250, "bazett", true)]
    [InlineData(750, "unstated", true)]
    [InlineData(249, "bazett", false)]
    [InlineData(751, "bazett", false)]
    public void The_qtc_is_accepted_from_250_to_750_ms(int qtc, string formula, bool ok) =>
        Assert.Equal(ok, !EcgValidation.Validate(new(qtc, formula), Now, Now).ContainsKey("qtcMs"));

    [Fact]
    public void An_ecg_without_a_known_correction_formula_is_refused_naming_the_formulas()
    {
        var errors = EcgValidation.Validate(new(440, "guess"), Now, Now);

        Assert.Contains("fridericia", Assert.Single(errors["correctionFormula"]), StringComparison.Ordinal);
        Assert.True(EcgValidation.Validate(new(null, "bazett"), Now, Now).ContainsKey("qtcMs"));
    }

    [Fact]
    public void A_qt_prolonging_medicine_without_any_ecg_prompts_an_ecg()
    {
        var alert = HeartRules.EcgPrompt([Methadone], null, Now, VitalsThresholds.SoftwareDefaults);

        Assert.NotNull(alert);
        Assert.Contains("methadone 60 mg (QT-prolonging)", alert.Message, StringComparison.Ordinal);
        Assert.Contains("no ECG in the last 365 days (software default, not a clinic decision", alert.Threshold, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ecg_exactly_at_the_interval_still_counts_and_one_a_minute_older_does_not()
    {
        var t = VitalsThresholds.SoftwareDefaults;

        Assert.Null(HeartRules.EcgPrompt([Methadone], Now.AddDays(-365), Now, t));
        Assert.NotNull(HeartRules.EcgPrompt([Methadone], Now.AddDays(-365).AddMinutes(-1), Now, t));
    }

    [Fact]
    public void Loperamide_prompts_an_ecg_with_its_recorded_dose_for_the_clinician_to_judge_and_other_medicines_do_not()
    {
        var alert = HeartRules.EcgPrompt([Loperamide], null, Now, VitalsThresholds.SoftwareDefaults);

        Assert.Contains("loperamide 16 mg (QT prolongation and arrhythmia at high doses", alert!.Message, StringComparison.Ordinal);
        Assert.Null(HeartRules.EcgPrompt([Ibuprofen], null, Now, VitalsThresholds.SoftwareDefaults));
    }

    [Theory]
    [InlineData("methadone")]
    [InlineData("lofexidine")]
    [InlineData("ondansetron")]
    [InlineData("citalopram")]
    public void The_issue_s_qt_prolonging_medicines_are_in_the_qt_class_of_the_catalogue(string name)
    {
        var medicine = Speciosa.Clinical.Medicines.DrugClassCatalogue.Default.Find(name, null);

        Assert.NotNull(medicine);
        Assert.Contains(HeartRules.QtProlongingClass, medicine.Classes);
    }
}
