using Speciosa.Clinical.Fhir;
using Xunit;

namespace Speciosa.Clinical.Tests.Fhir;

/// <summary>The interpretation flag against a reference range (HL7 v3 ObservationInterpretation H/L/N), at every boundary.</summary>
public sealed class FhirTerminologyTests
{
    [Theory]
    [InlineData("40", null, "40", "N")]    // at the upper limit: within
    [InlineData("40.01", null, "40", "H")] // just above
    [InlineData("7", "7", "40", "N")]      // at the lower limit: within
    [InlineData("6.99", "7", "40", "L")]   // just below
    [InlineData("3", "7", null, "L")]      // only a low limit
    [InlineData("300", "7", null, "N")]
    public void A_value_is_low_high_or_normal_against_its_reference_range_with_both_limits_inclusive(string value, string? low, string? high, string expected)
    {
        static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, FhirTerminology.InterpretationOf(D(value)!.Value, D(low), D(high)));
    }

    [Fact]
    public void A_value_without_any_reference_limit_has_no_interpretation()
    {
        Assert.Null(FhirTerminology.InterpretationOf(55m, null, null));
    }

    [Fact]
    public void Instrument_totals_use_the_local_code_system_never_a_loinc_code()
    {
        Assert.Equal("cows-total", FhirTerminology.ScoreCode("cows"));
        Assert.DoesNotContain("loinc", FhirTerminology.InstrumentScores, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https://speciosa.example/fhir/Questionnaire/cows", FhirTerminology.QuestionnaireUrl("cows"));
    }
}
