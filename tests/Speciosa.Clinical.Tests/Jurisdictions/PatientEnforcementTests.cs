using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class PatientEnforcementTests
{
    private static ApplicableLegalStatus Thailand(bool verified = true)
    {
        var entry = Entry("th", "TH", verified: verified) with
        {
            MinimumAge = 18,
            Conditions = [SaleCondition.NoSaleToPregnantWomen, SaleCondition.NoSaleToBreastfeedingWomen],
            ConditionsText = "No sale to pregnant or breastfeeding women.",
        };
        return LegalStatusEvaluator.Evaluate([entry], new PatientLocation("TH"), Today);
    }

    [Fact]
    public void A_patient_whose_eighteenth_birthday_is_today_meets_a_minimum_age_of_18()
    {
        var patient = new PatientCircumstances(Today.AddYears(-18));

        Assert.Equal(EnforcementOutcome.Allow, LegalEnforcement.Decide(Thailand(), patient, Today).Outcome);
    }

    [Fact]
    public void A_patient_who_turns_18_tomorrow_is_refused_under_a_minimum_age_of_18()
    {
        var patient = new PatientCircumstances(Today.AddYears(-18).AddDays(1));

        var decision = LegalEnforcement.Decide(Thailand(), patient, Today);

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(EnforcementReasonKind.UnderMinimumAge, reason.Kind);
        Assert.Contains("Patient is 17", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_born_on_29_February_turns_a_year_older_on_1_March_in_a_common_year()
    {
        var patient = new PatientCircumstances(new DateOnly(2008, 2, 29));

        Assert.Equal(17, patient.AgeOn(new DateOnly(2026, 2, 28)));
        Assert.Equal(18, patient.AgeOn(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void A_pregnant_patient_is_refused_where_the_law_excludes_pregnant_women()
    {
        var decision = LegalEnforcement.Decide(Thailand(), Adult with { Pregnant = true }, Today);

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
        Assert.Equal(EnforcementReasonKind.PregnancyExcluded, Assert.Single(decision.Reasons).Kind);
    }

    [Fact]
    public void A_breastfeeding_patient_is_refused_where_the_law_excludes_breastfeeding_women()
    {
        var decision = LegalEnforcement.Decide(Thailand(), Adult with { Breastfeeding = true }, Today);

        Assert.Equal(EnforcementReasonKind.BreastfeedingExcluded, Assert.Single(decision.Refusals).Kind);
    }

    [Fact]
    public void A_ban_refuses_with_its_source()
    {
        var applicable = LegalStatusEvaluator.Evaluate([Entry("gb", "GB", status: LegalStatus.Banned)], new PatientLocation("GB"), Today);

        var decision = LegalEnforcement.Decide(applicable, Adult, Today);

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(EnforcementReasonKind.Banned, reason.Kind);
        Assert.Equal(TestSource, Assert.Single(reason.Sources));
    }

    [Fact]
    public void An_unknown_status_asks_for_confirmation_and_says_why()
    {
        var applicable = LegalStatusEvaluator.Evaluate([Entry("th", "TH")], new PatientLocation("NZ"), Today);

        var decision = LegalEnforcement.Decide(applicable, Adult, Today);

        Assert.Equal(LegalStatus.Unknown, applicable.Status);
        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(EnforcementReasonKind.StatusUnknown, reason.Kind);
        Assert.Contains("No registry entry in force for NZ", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unverified_entry_asks_for_confirmation()
    {
        var decision = LegalEnforcement.Decide(Thailand(verified: false), Adult, Today);

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        Assert.Equal(EnforcementReasonKind.EntryUnverified, Assert.Single(decision.Reasons).Kind);
    }

    [Fact]
    public void An_announced_change_asks_for_confirmation()
    {
        JurisdictionEntry[] entries = [Entry("now", "TH"), Entry("next", "TH", status: LegalStatus.Banned, effective: Today.AddDays(30))];
        var applicable = LegalStatusEvaluator.Evaluate(entries, new PatientLocation("TH"), Today);

        var decision = LegalEnforcement.Decide(applicable, Adult, Today);

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        Assert.Equal(EnforcementReasonKind.ChangeAnnounced, Assert.Single(decision.Reasons).Kind);
    }

    [Fact]
    public void Refusals_come_before_warnings()
    {
        var decision = LegalEnforcement.Decide(Thailand(verified: false), Adult with { Pregnant = true }, Today);

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
        Assert.True(decision.Reasons[0].Refuses);
        Assert.False(decision.Reasons[^1].Refuses);
    }
}
