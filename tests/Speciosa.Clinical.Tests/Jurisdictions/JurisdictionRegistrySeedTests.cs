using Speciosa.Clinical.Jurisdictions;
using Xunit;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class JurisdictionRegistrySeedTests
{
    private static readonly IReadOnlyList<JurisdictionEntry> Seed = JurisdictionRegistrySeed.Load();
    private static readonly DateOnly CompiledOn = new(2026, 11, 22);
    private static readonly DateOnly AuditedOn = new(2026, 11, 30);

    private static ApplicableLegalStatus At(PatientLocation location, DateOnly? day = null) =>
        LegalStatusEvaluator.Evaluate(Seed, location, day ?? CompiledOn);

    [Fact]
    public void Every_seed_entry_has_a_source_and_was_checked_against_the_reference_or_the_clinical_audit()
    {
        Assert.NotEmpty(Seed);
        Assert.All(Seed, e =>
        {
            Assert.NotEmpty(e.Sources);
            Assert.Contains(e.LastVerified, new[] { CompiledOn, AuditedOn });
        });
    }

    [Fact]
    public void Only_entries_checked_against_the_statute_text_are_verified_clinical_audit_E25()
    {
        // E25: "verified" means checked against the statute or rule text. Of the seed, only Utah cites the statute
        // itself (Utah Code 4-45-104, KS-S103); news, radio, bill-summary, law-firm and advocacy sources are secondary.
        Assert.Equal(["us-ut-2019-05-14"], Seed.Where(e => e.Verified).Select(e => e.Id));
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
    public void Florida_limits_7_OH_to_400_ppm_of_dry_weight_from_19_August_2025_and_Sarasota_County_overrides_it()
    {
        // Clinical audit E1: emergency rule 2ER25-2 of 19 Aug 2025 replaced the 13 Aug rule (1 % by weight) with
        // "above 400 ppm (0.04 %) on a dry-weight basis = Schedule I" (acslab.com; globalkratomcoalition.org; secondary only).
        var florida = At(new PatientLocation("US", "US-FL"));

        Assert.Equal("us-fl-2025-08-19", florida.Entry?.Id);
        Assert.Equal(new SevenOhLimit(0.04m, SevenOhBasis.ShareOfDryWeight, Inclusive: true), florida.Entry?.SevenOhLimit);
        Assert.False(florida.Entry?.Verified);
        Assert.Contains("secondary sources", florida.Entry?.Note, StringComparison.Ordinal);
        Assert.Contains("2ER26-1", florida.Entry?.Note, StringComparison.Ordinal);
        Assert.Contains("UNCONFIRMED", florida.Entry?.Note, StringComparison.Ordinal);
        Assert.Equal(LegalStatus.Banned, At(new PatientLocation("US", "US-FL", "Sarasota County")).Status);
    }

    [Fact]
    public void Florida_on_18_August_2025_still_has_the_replaced_1_percent_by_weight_rule()
    {
        var florida = At(new PatientLocation("US", "US-FL"), new DateOnly(2025, 8, 18));

        Assert.Equal("us-fl-2025-08-13", florida.Entry?.Id);
        Assert.Equal(SevenOhBasis.ShareOfWeight, florida.Entry?.SevenOhLimit?.Basis);
    }

    [Theory]
    [InlineData(399, EnforcementOutcome.WarnAndConfirm)]
    [InlineData(400, EnforcementOutcome.WarnAndConfirm)]
    [InlineData(401, EnforcementOutcome.Refuse)]
    public void Florida_refuses_a_lot_above_400_ppm_of_dry_weight_and_allows_400_itself_2ER25_2(int ppm, EnforcementOutcome expected)
    {
        // Source: Florida emergency rule 2ER25-2 (19 Aug 2025) as reported by acslab.com and globalkratomcoalition.org.
        // Warn-and-confirm, not allow, at or below the limit: every Florida entry rests on secondary sources.
        var florida = At(new PatientLocation("US", "US-FL"));
        var lot = new LotSevenOhContent(null, null, ShareOfDryWeightPercent: ppm / 10_000m);

        var decision = LegalEnforcement.Decide(florida, new PatientCircumstances(new DateOnly(1990, 1, 1)), CompiledOn, lot);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected == EnforcementOutcome.Refuse, decision.Refusals.Any(r => r.Kind == EnforcementReasonKind.SevenOhOverLimit));
        Assert.DoesNotContain(decision.Reasons, r => r.Kind == EnforcementReasonKind.SevenOhCannotBeJudged);
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
