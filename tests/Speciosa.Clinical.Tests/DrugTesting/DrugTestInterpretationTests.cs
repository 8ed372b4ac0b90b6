using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.DrugTesting;
using Xunit;

namespace Speciosa.Clinical.Tests.DrugTesting;

/// <summary>Issue 13 part 5 (clinical audit section 3 item 8; ASAM 2017 from memory, UNCONFIRMED): urine drug test results by
/// analyte and method, read against the medicine list and the kratom regimen, and the Critical unexpected-fentanyl alert.</summary>
public sealed class DrugTestInterpretationTests
{
    private static readonly DateTimeOffset Collected = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly PrescribedMedicine Buprenorphine = new("buprenorphine", ["opioid", "cyp3a-narrow-substrate"]);
    private static readonly PrescribedMedicine Methadone = new("Methadone", ["opioid", "qt-prolonging"]);
    private static readonly PrescribedMedicine Alprazolam = new("alprazolam", ["benzodiazepine"]);

    private static DrugTestResult R(string analyte, bool positive, string method = "immunoassay") => new(analyte, method, null, positive, null);

    private static InterpretedResult One(DrugTestResult r, bool kratom = false, params PrescribedMedicine[] meds) =>
        Assert.Single(DrugTestInterpretation.Interpret([r], meds, kratom));

    [Fact]
    public void The_catalogue_holds_every_analyte_the_audit_names()
    {
        foreach (var id in new[] { "opiates", "fentanyl", "benzodiazepines", "methadone", "eddp", "buprenorphine", "norbuprenorphine", "oxycodone", "amphetamines", "cocaine", "mitragynine" })
        {
            Assert.NotNull(DrugTestCatalogue.Default.Find(id));
        }
    }

    [Fact]
    public void Buprenorphine_positive_while_prescribed_is_expected() =>
        Assert.Equal(ResultReading.ExpectedPositive, One(R("buprenorphine", true), false, Buprenorphine).Reading);

    [Fact]
    public void Norbuprenorphine_negative_while_buprenorphine_is_prescribed_is_an_unexpected_negative() =>
        Assert.Equal(ResultReading.UnexpectedNegative, One(R("norbuprenorphine", false), false, Buprenorphine).Reading);

    [Fact]
    public void Methadone_prescribed_but_EDDP_negative_is_an_unexpected_negative_matching_the_name_case_insensitively()
    {
        var result = One(R("eddp", false, "confirmation"), false, Methadone);

        Assert.Equal(ResultReading.UnexpectedNegative, result.Reading);
        Assert.Contains("Methadone", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_benzodiazepine_on_the_list_explains_a_benzodiazepine_positive_by_class() =>
        Assert.Equal(ResultReading.ExpectedPositive, One(R("benzodiazepines", true), false, Alprazolam).Reading);

    [Fact]
    public void Negative_for_something_not_prescribed_is_expected() =>
        Assert.Equal(ResultReading.ExpectedNegative, One(R("cocaine", false)).Reading);

    [Fact]
    public void Cocaine_positive_is_unexpected_and_an_immunoassay_says_confirm_by_LC_MS_MS()
    {
        var result = One(R("cocaine", true));

        Assert.Equal(ResultReading.UnexpectedPositive, result.Reading);
        Assert.Contains("LC-MS/MS", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, ResultReading.ExpectedPositive)]
    [InlineData(false, ResultReading.UnexpectedPositive)]
    public void Mitragynine_positive_is_expected_only_on_a_kratom_regimen(bool onRegimen, ResultReading expected) =>
        Assert.Equal(expected, One(R("mitragynine", true, "confirmation"), onRegimen).Reading);

    [Fact]
    public void Mitragynine_negative_on_a_kratom_regimen_is_an_unexpected_negative() =>
        Assert.Equal(ResultReading.UnexpectedNegative, One(R("mitragynine", false, "confirmation"), true).Reading);

    [Fact]
    public void Mitragynine_by_immunoassay_is_refused_because_opiate_immunoassays_do_not_detect_it_audit_3_8()
    {
        var errors = DrugTestInterpretation.Check(2, "mitragynine", "immunoassay", "positive", null);

        Assert.Contains("opiate immunoassays do not detect it", Assert.Single(errors["results[2].method"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_opiate_result_carries_the_note_that_opiate_immunoassays_do_not_detect_mitragynine() =>
        Assert.Contains(One(R("opiates", false)).Notes, n => n.Contains("do not detect mitragynine", StringComparison.Ordinal));

    [Theory]
    [InlineData("nonsense", "immunoassay", "positive", null, "results[0].analyte")]
    [InlineData("fentanyl", "dipstick", "positive", null, "results[0].method")]
    [InlineData("fentanyl", "immunoassay", "maybe", null, "results[0].result")]
    [InlineData("fentanyl", "immunoassay", "positive", 0d, "results[0].cutoffNgPerMl")]
    public void Each_bad_field_is_named(string analyte, string method, string result, double? cutoff, string key) =>
        Assert.True(DrugTestInterpretation.Check(0, analyte, method, result, (decimal?)cutoff).ContainsKey(key));

    [Fact]
    public void A_valid_result_has_no_problems() =>
        Assert.Empty(DrugTestInterpretation.Check(0, "fentanyl", "confirmation", "negative", 1m));

    [Fact]
    public void Unexpected_fentanyl_is_a_Critical_alert_with_its_inputs_threshold_and_source()
    {
        var interpreted = DrugTestInterpretation.Interpret([new DrugTestResult("fentanyl", "immunoassay", null, true, 1m)], [Alprazolam], false);

        var alert = Assert.Single(DrugTestInterpretation.Alerts("t1", interpreted, Collected, [Alprazolam]));

        Assert.Equal("drugtest.unexpected-fentanyl", alert.Rule.Id);
        Assert.Equal(AlertSeverity.Critical, alert.Rule.Severity);
        Assert.Equal("drugtest/t1/drugtest.unexpected-fentanyl", alert.ConditionKey);
        Assert.Contains(alert.Inputs, i => i.Name == "Medicine list" && i.Value == "alprazolam");
        Assert.Contains(alert.Inputs, i => i.Name == "Result" && i.Value == "positive (cutoff 1 ng/mL)");
        Assert.Contains("naloxone", alert.Message, StringComparison.Ordinal);
        Assert.Contains("Clinical audit section 3 item 8", alert.Rule.Source.Citation, StringComparison.Ordinal);
        Assert.Equal("fentanyl positive (any method) with no fentanyl on the current medicine list", alert.Threshold);
    }

    [Fact]
    public void Prescribed_fentanyl_or_a_negative_fentanyl_raises_no_alert()
    {
        var fentanyl = new PrescribedMedicine("fentanyl", ["opioid"]);
        var prescribed = DrugTestInterpretation.Interpret([R("fentanyl", true)], [fentanyl], false);
        var negative = DrugTestInterpretation.Interpret([R("fentanyl", false)], [], false);

        Assert.Empty(DrugTestInterpretation.Alerts("t", prescribed, Collected, [fentanyl]));
        Assert.Empty(DrugTestInterpretation.Alerts("t", negative, Collected, []));
    }

    [Fact]
    public void Other_unexpected_positives_do_not_raise_the_fentanyl_alert() =>
        Assert.Empty(DrugTestInterpretation.Alerts("t", DrugTestInterpretation.Interpret([R("cocaine", true)], [], false), Collected, []));
}
