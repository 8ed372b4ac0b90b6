using Speciosa.Clinical.Portal;
using Xunit;

namespace Speciosa.Clinical.Tests.Portal;

/// <summary>Issue 14 item 1: a portal invitation works once, until revoked, and not at or after its expiry.</summary>
public class PortalInvitationRulesTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Issued.AddHours(72);

    [Fact]
    public void An_invitation_works_up_to_a_tick_before_its_expiry_and_not_at_it()
    {
        Assert.Equal(InvitationState.Open, PortalInvitationRules.StateOf(Expires, null, null, Issued));
        Assert.Equal(InvitationState.Open, PortalInvitationRules.StateOf(Expires, null, null, Expires.AddTicks(-1)));
        Assert.Equal(InvitationState.Expired, PortalInvitationRules.StateOf(Expires, null, null, Expires));
        Assert.Equal(InvitationState.Expired, PortalInvitationRules.StateOf(Expires, null, null, Expires.AddDays(30)));
    }

    [Fact]
    public void A_used_invitation_stays_used_and_a_revoked_one_revoked_whatever_the_time()
    {
        Assert.Equal(InvitationState.Used, PortalInvitationRules.StateOf(Expires, Issued.AddHours(1), null, Issued.AddHours(2)));
        Assert.Equal(InvitationState.Used, PortalInvitationRules.StateOf(Expires, Issued.AddHours(1), null, Expires.AddDays(1)));
        Assert.Equal(InvitationState.Revoked, PortalInvitationRules.StateOf(Expires, null, Issued.AddHours(1), Issued.AddHours(2)));
    }

    [Theory]
    [InlineData(null, 72)]
    [InlineData(1.0, 1)]
    [InlineData(336.0, 336)]
    [InlineData(24.0, 24)]
    public void The_lifetime_is_72_hours_unless_configured_from_1_to_336(double? configured, double expectedHours)
    {
        var (lifetime, error) = PortalInvitationRules.Lifetime(configured);
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromHours(expectedHours), lifetime);
    }

    [Theory]
    [InlineData(0.99)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(336.01)]
    [InlineData(double.NaN)]
    public void A_lifetime_outside_1_to_336_hours_is_refused_naming_the_key(double configured)
    {
        var (_, error) = PortalInvitationRules.Lifetime(configured);
        Assert.Contains("Portal:InvitationHours must be from 1 to 336 hours", error, StringComparison.Ordinal);
    }
}

/// <summary>Issue 14 item 1: the consent is versioned plain language naming the risks of kratom and the proven treatments,
/// with no marketing claim.</summary>
public class ConsentTextTests
{
    private static string All => string.Join("\n", ConsentText.Current.Sections.SelectMany(s => s.Paragraphs.Prepend(s.Heading))).ToLowerInvariant();

    [Theory]
    [InlineData("what we record")]
    [InlineData("who sees it")]
    [InlineData("dependence")]
    [InlineData("withdrawal")]
    [InlineData("liver")]
    [InlineData("interact")]
    [InlineData("not an approved medicine")]
    [InlineData("buprenorphine and methadone are the first-line")]
    public void The_consent_says_in_plain_words(string phrase) => Assert.Contains(phrase, All, StringComparison.Ordinal);

    [Theory]
    [InlineData("liver-protective")]
    [InlineData("not addictive")]
    [InlineData("safer than")]
    [InlineData("better than")]
    [InlineData("natural and safe")]
    [InlineData("mme")]
    [InlineData("threshold")]
    public void The_consent_makes_no_marketing_claim_and_names_no_threshold(string phrase) =>
        Assert.DoesNotContain(phrase, All, StringComparison.Ordinal);

    [Fact]
    public void The_consent_has_a_version_sources_and_an_older_acceptance_is_not_current()
    {
        var text = ConsentText.Current;
        Assert.True(text.Version >= 1);
        Assert.NotEmpty(text.Sources);
        Assert.All(text.Sources, s => Assert.True(s.Unconfirmed, $"{s.Id} was not retrieved and must say so"));
        Assert.True(text.IsCurrent(text.Version));
        Assert.False(text.IsCurrent(text.Version - 1));
        Assert.False(text.IsCurrent(null));
    }
}

/// <summary>Issue 14 item 2: what "Today" lists from what the patient reported this clinic day.</summary>
public class TodayPlanTests
{
    [Fact]
    public void Nothing_reported_lists_the_check_in_and_craving_as_due_and_doses_only_with_a_regimen()
    {
        var withRegimen = TodayPlan.Build(0, 0, 0, regimenActiveToday: true);
        Assert.Equal([TodayKind.CheckIn, TodayKind.Craving, TodayKind.Doses], withRegimen.Select(i => i.Kind));
        Assert.All(withRegimen, i => Assert.False(i.Done));

        var without = TodayPlan.Build(0, 0, 0, regimenActiveToday: false);
        Assert.DoesNotContain(without, i => i.Kind == TodayKind.Doses);
    }

    [Fact]
    public void One_report_makes_an_item_done_and_counts_are_kept()
    {
        var items = TodayPlan.Build(1, 0, 2, regimenActiveToday: true);
        Assert.True(items.Single(i => i.Kind == TodayKind.CheckIn).Done);
        Assert.False(items.Single(i => i.Kind == TodayKind.Craving).Done);
        var doses = items.Single(i => i.Kind == TodayKind.Doses);
        Assert.True(doses.Done);
        Assert.Equal(2, doses.Count);
    }

    [Fact]
    public void A_negative_count_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TodayPlan.Build(-1, 0, 0, false));
}
