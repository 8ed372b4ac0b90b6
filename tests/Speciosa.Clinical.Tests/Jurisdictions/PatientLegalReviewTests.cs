using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

/// <summary>Issue 12 part 6: the law is re-decided when a patient moves and when an entry reaches its effective date.</summary>
public class PatientLegalReviewTests
{
    private static readonly PatientLocation Louisiana = new("US", "US-LA");
    private static readonly PatientLocation Tennessee = new("US", "US-TN");
    private static readonly JurisdictionEntry LouisianaBan = Entry("us-la-ban", "US", "US-LA", status: LegalStatus.Banned, effective: new DateOnly(2025, 8, 1));
    private static readonly JurisdictionEntry TennesseeRegulated = Entry("us-tn", "US", "US-TN", status: LegalStatus.Regulated) with { MinimumAge = 21 };

    [Fact]
    public void A_patient_living_where_kratom_is_banned_gets_the_supply_not_allowed_alert_with_the_ban_and_its_source()
    {
        var applicable = LegalStatusEvaluator.Evaluate([LouisianaBan], Louisiana, Today);

        var alert = Assert.Single(PatientLegalReview.SupplyAlerts(applicable, Louisiana, Adult, Today));

        Assert.Equal(JurisdictionAlertRules.SupplyNotAllowed, alert.Rule);
        Assert.Equal(PatientLegalReview.SupplyConditionKey, alert.ConditionKey);
        Assert.Contains("banned at US-LA", alert.Message, StringComparison.Ordinal);
        Assert.Contains(alert.Inputs, i => i.Name == "Source" && i.Value == TestSource.Citation);
    }

    [Fact]
    public void A_patient_under_the_minimum_age_gets_the_supply_not_allowed_alert_and_an_adult_does_not()
    {
        var applicable = LegalStatusEvaluator.Evaluate([TennesseeRegulated], Tennessee, Today);

        Assert.Single(PatientLegalReview.SupplyAlerts(applicable, Tennessee, new PatientCircumstances(new DateOnly(2006, 1, 1)), Today));
        Assert.Empty(PatientLegalReview.SupplyAlerts(applicable, Tennessee, Adult, Today));
    }

    [Fact]
    public void Moving_from_a_regulated_state_to_a_banned_one_raises_the_now_banned_alert_naming_both_addresses()
    {
        var before = LegalStatusEvaluator.Evaluate([TennesseeRegulated, LouisianaBan], Tennessee, Today);
        var after = LegalStatusEvaluator.Evaluate([TennesseeRegulated, LouisianaBan], Louisiana, Today);

        var alert = PatientLegalReview.Moved(before, Tennessee, after, Louisiana);

        Assert.NotNull(alert);
        Assert.Equal(JurisdictionAlertRules.NowBanned, alert.Rule);
        Assert.Contains("from US-TN, US to US-LA, US", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_between_places_with_the_same_entry_raises_nothing()
    {
        var applicable = LegalStatusEvaluator.Evaluate([TennesseeRegulated], Tennessee, Today);

        Assert.Null(PatientLegalReview.Moved(applicable, Tennessee, applicable, Tennessee));
    }

    [Fact]
    public void An_entry_that_reaches_its_effective_date_alerts_on_that_day_and_for_the_lookback_after_it_but_not_the_day_before()
    {
        // Louisiana: Act 41 of 2025 in force from 1 Aug 2025 (KS-S99, KS-S100).
        Assert.Null(PatientLegalReview.CameIntoForce([LouisianaBan], Louisiana, new DateOnly(2025, 7, 31)));

        var onTheDay = PatientLegalReview.CameIntoForce([LouisianaBan], Louisiana, new DateOnly(2025, 8, 1));
        Assert.NotNull(onTheDay);
        Assert.Equal(JurisdictionAlertRules.NowBanned, onTheDay.Rule);
        Assert.Equal("jurisdiction:in-force/us-la-ban", onTheDay.ConditionKey);
        Assert.Contains("changed from Unknown to Banned", onTheDay.Message, StringComparison.Ordinal);

        Assert.NotNull(PatientLegalReview.CameIntoForce([LouisianaBan], Louisiana, new DateOnly(2025, 8, 1).AddDays(PatientLegalReview.DefaultLookbackDays - 1)));
        Assert.Null(PatientLegalReview.CameIntoForce([LouisianaBan], Louisiana, new DateOnly(2025, 8, 1).AddDays(PatientLegalReview.DefaultLookbackDays)));
    }

    [Fact]
    public void A_temporary_rule_that_ends_alerts_with_its_end()
    {
        var emergency = Entry("oh-emergency", "US", "US-OH", status: LegalStatus.SevenOhRestricted, effective: new DateOnly(2025, 12, 12)) with { EndsOn = new DateOnly(2026, 6, 10) };

        var alert = PatientLegalReview.CameIntoForce([emergency], new PatientLocation("US", "US-OH"), new DateOnly(2026, 6, 11));

        Assert.NotNull(alert);
        Assert.Equal(JurisdictionAlertRules.EntryInForce, alert.Rule);
        Assert.Contains("ended on 2026-06-10", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_Florida_rule_of_19_August_2025_alerts_Florida_patients_on_that_day()
    {
        var alert = PatientLegalReview.CameIntoForce(JurisdictionRegistrySeed.Load(), new PatientLocation("US", "US-FL"), new DateOnly(2025, 8, 19));

        Assert.NotNull(alert);
        Assert.Equal("jurisdiction:in-force/us-fl-2025-08-19", alert.ConditionKey);
    }
}

/// <summary>Clinical audit E25: "verified" means checked against the statute or rule text; anything else says secondary sources.</summary>
public class JurisdictionCheckedWordingTests
{
    [Fact]
    public void An_entry_checked_against_the_statute_says_so_and_needs_no_confirmation()
    {
        var entry = Entry("x", "US", "US-UT");

        Assert.Equal("Checked against the statute or rule text", entry.CheckedInWords);
        Assert.False(entry.NeedsConfirmation);
    }

    [Fact]
    public void An_entry_on_consistent_secondary_sources_says_secondary_sources_and_needs_no_confirmation()
    {
        var entry = Entry("x", "US", "US-TN", verified: false) with { ConsistentSecondarySources = true };

        Assert.StartsWith("Secondary sources (consistent", entry.CheckedInWords, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified", entry.CheckedInWords, StringComparison.Ordinal);
        Assert.False(entry.NeedsConfirmation);
        Assert.Equal(EnforcementOutcome.Allow, LegalEnforcement.Decide(LegalStatusEvaluator.Evaluate([entry], new PatientLocation("US", "US-TN"), Today), Adult, Today).Outcome);
    }

    [Fact]
    public void An_entry_with_unconfirmed_parts_says_so_and_asks_for_confirmation()
    {
        var entry = Entry("x", "US", "US-AZ", verified: false);

        Assert.StartsWith("Secondary sources, not all confirmed", entry.CheckedInWords, StringComparison.Ordinal);
        var decision = LegalEnforcement.Decide(LegalStatusEvaluator.Evaluate([entry], new PatientLocation("US", "US-AZ"), Today), Adult, Today);
        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        Assert.Contains("secondary sources", Assert.Single(decision.Warnings).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_never_calls_a_secondary_source_entry_verified()
    {
        foreach (var entry in JurisdictionRegistrySeed.Load().Where(e => !e.Verified))
        {
            var applicable = LegalStatusEvaluator.Evaluate([entry], new PatientLocation(entry.Country, entry.Subdivision, entry.Locality), new DateOnly(2026, 11, 30));
            Assert.DoesNotContain("Checked against the statute", applicable.Explanation, StringComparison.Ordinal);
        }
    }
}
