using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

/// <summary>Issue 15 item 8 (four eyes): an edit that adds a reason LegalEnforcement refuses supply for waits for a second
/// administrator; anything else takes effect at once. Boundaries at each field.</summary>
public class RegistryChangeApprovalTests
{
    private static readonly JurisdictionEntry Regulated = Entry("ut", "US", "US-UT") with { MinimumAge = 21 };

    [Fact]
    public void A_status_that_becomes_banned_needs_a_second_administrator()
    {
        var reasons = RegistryChangeApproval.RefusalsAdded(Regulated, Regulated with { Status = LegalStatus.Banned });

        Assert.Equal(["The status at US-UT becomes banned: supply is refused to every patient living there."], reasons);
    }

    [Fact]
    public void A_new_banned_entry_needs_a_second_administrator() =>
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(null, Entry("tx-ban", "US", "US-TX", status: LegalStatus.Banned)));

    [Fact]
    public void A_new_regulated_entry_without_age_limit_or_exclusion_takes_effect_at_once() =>
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(null, Entry("tx", "US", "US-TX")));

    [Fact]
    public void An_entry_that_stays_banned_or_is_lifted_takes_effect_at_once()
    {
        var banned = Regulated with { Status = LegalStatus.Banned };
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(banned, banned with { Note = "Re-read." }));
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(banned, Regulated));
    }

    [Theory]
    [InlineData(21, 21, false)] // the same age: no one newly refused
    [InlineData(21, 22, true)]  // one year more: the boundary
    [InlineData(21, 18, false)] // lowered: fewer refused
    public void A_minimum_age_needs_a_second_administrator_only_when_raised(int before, int after, bool needed) =>
        Assert.Equal(needed, RegistryChangeApproval.NeedsSecondApproval(Regulated with { MinimumAge = before }, Regulated with { MinimumAge = after }));

    [Fact]
    public void A_minimum_age_added_where_there_was_none_needs_a_second_administrator()
    {
        var reasons = RegistryChangeApproval.RefusalsAdded(Regulated with { MinimumAge = null }, Regulated with { MinimumAge = 18 });

        Assert.Equal(["A minimum age of 18 is added at US-UT: supply is refused to patients younger than 18."], reasons);
    }

    [Fact]
    public void A_pregnancy_or_breastfeeding_exclusion_added_needs_a_second_administrator_and_one_kept_does_not()
    {
        var excluded = Regulated with { Conditions = [SaleCondition.NoSaleToPregnantWomen] };
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(Regulated, excluded));
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(excluded, excluded with { Note = "Re-read." }));
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(excluded, excluded with { Conditions = [SaleCondition.NoSaleToPregnantWomen, SaleCondition.NoSaleToBreastfeedingWomen] }));
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(Regulated, Regulated with { Conditions = [SaleCondition.LicensedSellersOnly] }));
    }

    [Fact]
    public void A_seven_oh_limit_added_lowered_made_exclusive_or_rebased_needs_a_second_administrator_and_one_raised_does_not()
    {
        var two = Regulated with { SevenOhLimit = new SevenOhLimit(2m, SevenOhBasis.ShareOfAlkaloids, Inclusive: true) };
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(Regulated, two));
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(two, two with { SevenOhLimit = new SevenOhLimit(1.99m, SevenOhBasis.ShareOfAlkaloids, true) }));
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(two, two with { SevenOhLimit = new SevenOhLimit(2m, SevenOhBasis.ShareOfAlkaloids, false) }));
        Assert.True(RegistryChangeApproval.NeedsSecondApproval(two, two with { SevenOhLimit = new SevenOhLimit(2m, SevenOhBasis.ShareOfDryWeight, true) }));
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(two, two with { SevenOhLimit = new SevenOhLimit(2m, SevenOhBasis.ShareOfAlkaloids, true) }));
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(two, two with { SevenOhLimit = new SevenOhLimit(2.01m, SevenOhBasis.ShareOfAlkaloids, true) }));
        Assert.False(RegistryChangeApproval.NeedsSecondApproval(two, Regulated)); // limit removed: nothing newly refused
    }
}

/// <summary>Issue 15 item 8: the preview, the proposal and the alerts on saving share one computation of who is affected
/// and how; a patient is listed when the status or entry changes, or supply without a lot becomes (or stops being) refused
/// (LegalEnforcement.Decide).</summary>
public class RegistryChangeEffectsTests
{
    private static readonly JurisdictionEntry Utah = Entry("ut", "US", "US-UT") with { MinimumAge = 21 };

    private static readonly RegistryPatient Adult40 = new("adult", new PatientLocation("US", "US-UT"), new PatientCircumstances(Today.AddYears(-40)));
    private static readonly RegistryPatient Aged21 = new("aged-21", new PatientLocation("US", "US-UT"), new PatientCircumstances(Today.AddYears(-21)));
    private static readonly RegistryPatient Texan = new("texan", new PatientLocation("US", "US-TX"), new PatientCircumstances(Today.AddYears(-40)));

    [Fact]
    public void A_ban_lists_every_patient_living_there_with_status_and_refusal_and_no_one_elsewhere()
    {
        var effects = RegistryChangeEffects.Assess([Utah], [Utah with { Status = LegalStatus.Banned }], [Adult40, Aged21, Texan], Today);

        Assert.Equal(["adult", "aged-21"], effects.Select(e => e.PatientId));
        Assert.All(effects, e =>
        {
            Assert.NotNull(e.StatusChange);
            Assert.True(e.SupplyChanges);
            Assert.StartsWith("Legal status Regulated → Banned; supply becomes refused: Kratom is banned at US-UT", e.How, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_minimum_age_raised_lists_only_the_patients_now_too_young_with_the_same_status()
    {
        // Born exactly 21 years ago: 21 today, allowed at 21, refused at 22 (the boundary).
        var effects = RegistryChangeEffects.Assess([Utah], [Utah with { MinimumAge = 22 }], [Adult40, Aged21, Texan], Today);

        var only = Assert.Single(effects);
        Assert.Equal("aged-21", only.PatientId);
        Assert.Null(only.StatusChange);
        Assert.Equal("Supply becomes refused: Patient is 21; the minimum age at US-UT is 22.", only.How);
    }

    [Fact]
    public void Lifting_a_ban_says_supply_is_no_longer_refused()
    {
        var effect = Assert.Single(RegistryChangeEffects.Assess([Utah with { Status = LegalStatus.Banned }], [Utah], [Adult40], Today));

        Assert.Equal("Legal status Banned → Regulated; supply is no longer refused", effect.How);
    }

    [Fact]
    public void A_change_of_wording_affects_no_one() =>
        Assert.Empty(RegistryChangeEffects.Assess([Utah], [Utah with { Note = "Re-read." }], [Adult40, Aged21, Texan], Today));
}
