using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Treatment;
using Xunit;

namespace Speciosa.Clinical.Tests.Treatment;

/// <summary>CDC 2022 Recommendation 8 (via the clinical audit 3.2): a patient on a regimen with no naloxone recorded is alerted.</summary>
public class OverdosePreventionTests
{
    private static readonly Guid Patient = Guid.Parse("11111111-1111-1111-1111-111111111111");

    [Fact]
    public void Cdc_2022_recommendation_8_a_patient_on_a_regimen_with_no_naloxone_recorded_is_alerted_high()
    {
        var alert = Assert.Single(NaloxoneCheck.Evaluate(Patient, true, "Regimen version 1 in effect since 2026-03-01.",
            new OverdosePreventionFacts(null, new DateOnly(2026, 3, 1), null)));

        Assert.Equal("overdose.naloxone-missing", alert.Rule.Id);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Equal("CDC-2022-R8", alert.Rule.Source.Id);
        Assert.Contains("Recommendation 8", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains(alert.Inputs, i => i.Name == "Naloxone training" && i.Value == "2026-03-01");
        Assert.Contains(alert.Inputs, i => i.Name == "Fentanyl test strips offered" && i.Value == "not recorded");
        Assert.Equal($"patient/{Patient}/overdose:naloxone", alert.ConditionKey);
    }

    [Fact]
    public void A_recorded_naloxone_supply_clears_it_and_a_patient_not_on_a_regimen_is_not_alerted()
    {
        Assert.Empty(NaloxoneCheck.Evaluate(Patient, true, "on", new OverdosePreventionFacts(new DateOnly(2026, 3, 1), null, null)));
        Assert.Empty(NaloxoneCheck.Evaluate(Patient, false, "none", new OverdosePreventionFacts(null, null, null)));
    }

    [Fact]
    public void Patient_education_is_plain_words_about_tolerance_naloxone_fentanyl_and_not_using_alone()
    {
        var text = string.Join(" ", OverdoseEducation.Default.Lines);

        Assert.Contains("tolerance", text, StringComparison.Ordinal);
        Assert.Contains("naloxone", text, StringComparison.Ordinal);
        Assert.Contains("fentanyl", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("alone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MME", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d", text);
        Assert.Contains("overdose", OverdoseEducation.Default.ToleranceWarning, StringComparison.Ordinal);
        Assert.All(OverdoseEducation.Default.Sources, s => Assert.True(TreatmentSources.Contains(s), s));
    }
}
