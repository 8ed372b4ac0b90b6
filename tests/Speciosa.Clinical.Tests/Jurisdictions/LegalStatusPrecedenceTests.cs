using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class LegalStatusPrecedenceTests
{
    private static readonly JurisdictionEntry[] Entries =
    [
        Entry("us", "US", status: LegalStatus.LegalUnregulated),
        Entry("us-ca", "US", "US-CA", status: LegalStatus.Regulated),
        Entry("us-ca-sd", "US", "US-CA", "San Diego", status: LegalStatus.Banned),
    ];

    [Fact]
    public void A_locality_entry_overrides_its_subdivision_and_country()
    {
        var result = LegalStatusEvaluator.Evaluate(Entries, new PatientLocation("US", "US-CA", "San Diego"), Today);

        Assert.Equal(LegalStatus.Banned, result.Status);
        Assert.Equal(JurisdictionLevel.Locality, result.Level);
        Assert.Contains("locality level", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("'us-ca-sd'", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subdivision_entry_overrides_the_country_when_the_locality_has_none()
    {
        var result = LegalStatusEvaluator.Evaluate(Entries, new PatientLocation("US", "US-CA", "Los Angeles"), Today);

        Assert.Equal(LegalStatus.Regulated, result.Status);
        Assert.Equal(JurisdictionLevel.Subdivision, result.Level);
    }

    [Fact]
    public void The_country_entry_applies_when_nothing_more_specific_exists()
    {
        var result = LegalStatusEvaluator.Evaluate(Entries, new PatientLocation("US", "US-NY"), Today);

        Assert.Equal(LegalStatus.LegalUnregulated, result.Status);
        Assert.Equal(JurisdictionLevel.Country, result.Level);
    }

    [Fact]
    public void Locality_names_match_without_regard_to_case_or_surrounding_spaces()
    {
        var result = LegalStatusEvaluator.Evaluate(Entries, new PatientLocation("us", "us-ca", "  SAN DIEGO "), Today);

        Assert.Equal(LegalStatus.Banned, result.Status);
    }

    [Fact]
    public void A_locality_entry_does_not_apply_to_a_patient_without_a_locality()
    {
        var result = LegalStatusEvaluator.Evaluate(Entries, new PatientLocation("US", "US-CA"), Today);

        Assert.Equal(LegalStatus.Regulated, result.Status);
    }

    [Fact]
    public void A_more_specific_entry_not_yet_in_force_leaves_the_broader_one_applied_and_is_announced()
    {
        JurisdictionEntry[] entries =
        [
            Entry("us-ca", "US", "US-CA", status: LegalStatus.Regulated),
            Entry("us-ca-sd-next", "US", "US-CA", "San Diego", status: LegalStatus.Banned, effective: Today.AddDays(1)),
        ];

        var result = LegalStatusEvaluator.Evaluate(entries, new PatientLocation("US", "US-CA", "San Diego"), Today);

        Assert.Equal(LegalStatus.Regulated, result.Status);
        Assert.Equal("us-ca-sd-next", result.Announced?.Id);
    }
}
