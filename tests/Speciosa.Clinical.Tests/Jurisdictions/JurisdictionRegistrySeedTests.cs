using Speciosa.Clinical.Jurisdictions;
using Xunit;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class JurisdictionRegistrySeedTests
{
    private static readonly IReadOnlyList<JurisdictionEntry> Seed = JurisdictionRegistrySeed.Load();
    private static readonly DateOnly CompiledOn = new(2026, 11, 22);

    private static ApplicableLegalStatus At(PatientLocation location, DateOnly? day = null) =>
        LegalStatusEvaluator.Evaluate(Seed, location, day ?? CompiledOn);

    [Fact]
    public void Every_seed_entry_has_a_source_and_was_checked_against_the_reference()
    {
        Assert.NotEmpty(Seed);
        Assert.All(Seed, e =>
        {
            Assert.NotEmpty(e.Sources);
            Assert.Equal(CompiledOn, e.LastVerified);
        });
    }

    [Fact]
    public void Seed_entries_without_a_confirmed_date_are_unverified()
    {
        Assert.All(Seed.Where(e => e.Effective.Precision == DatePrecision.Unconfirmed), e => Assert.False(e.Verified));
    }

    [Theory]
    [InlineData("US-DC")]
    [InlineData("US-WV")]
    [InlineData("US-MS")]
    [InlineData("US-NV")]
    [InlineData("US-TX")]
    [InlineData("US-AZ")]
    [InlineData("US-GA")]
    public void Entries_the_reference_marks_unconfirmed_are_seeded_unverified(string subdivision)
    {
        Assert.True(At(new PatientLocation("US", subdivision)).IsUnverified);
    }

    [Fact]
    public void Louisiana_is_banned_from_1_August_2025_and_unknown_the_day_before()
    {
        var la = new PatientLocation("US", "US-LA");

        Assert.Equal(LegalStatus.Banned, At(la, new DateOnly(2025, 8, 1)).Status);
        var dayBefore = At(la, new DateOnly(2025, 7, 31));
        Assert.Equal(LegalStatus.Unknown, dayBefore.Status);
        Assert.Equal(LegalStatus.Banned, dayBefore.Announced?.Status);
    }

    [Fact]
    public void Rhode_Island_moves_from_ban_to_licensed_sale_on_1_April_2026()
    {
        var ri = new PatientLocation("US", "US-RI");

        Assert.Equal(LegalStatus.Banned, At(ri, new DateOnly(2026, 3, 31)).Status);
        var regulated = At(ri, new DateOnly(2026, 4, 1));
        Assert.Equal(LegalStatus.Regulated, regulated.Status);
        Assert.Equal(21, regulated.Entry?.MinimumAge);
    }

    [Fact]
    public void The_Ohio_emergency_rule_has_lapsed_by_the_reference_date_so_Ohio_is_unknown()
    {
        var ohio = At(new PatientLocation("US", "US-OH"));

        Assert.Equal(LegalStatus.Unknown, ohio.Status);
        Assert.Equal("us-oh-2025-12-12", ohio.Lapsed?.Id);
    }

    [Fact]
    public void Utah_caps_7_OH_at_2_percent_of_alkaloids_from_age_18()
    {
        var utah = At(new PatientLocation("US", "US-UT"));

        Assert.Equal(LegalStatus.Regulated, utah.Status);
        Assert.Equal(18, utah.Entry?.MinimumAge);
        Assert.Equal(new SevenOhLimit(2m, SevenOhBasis.ShareOfAlkaloids, Inclusive: true), utah.Entry?.SevenOhLimit);
        Assert.False(utah.IsUnverified);
    }

    [Fact]
    public void Florida_limits_7_OH_by_weight_and_Sarasota_County_overrides_it()
    {
        Assert.Equal(SevenOhBasis.ShareOfWeight, At(new PatientLocation("US", "US-FL")).Entry?.SevenOhLimit?.Basis);
        Assert.Equal(LegalStatus.Banned, At(new PatientLocation("US", "US-FL", "Sarasota County")).Status);
    }

    [Fact]
    public void Thailand_refuses_a_pregnant_patient_under_the_Kratom_Plant_Act()
    {
        var thailand = At(new PatientLocation("TH"));

        var decision = LegalEnforcement.Decide(thailand, new PatientCircumstances(new DateOnly(1990, 1, 1), Pregnant: true), CompiledOn);

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
        Assert.Contains(decision.Refusals, r => r.Kind == EnforcementReasonKind.PregnancyExcluded);
    }

    [Fact]
    public void A_state_without_an_entry_is_unknown_rather_than_assumed_legal()
    {
        Assert.Equal(LegalStatus.Unknown, At(new PatientLocation("US", "US-NY")).Status);
    }
}
