using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class SevenOhLimitEnforcementTests
{
    private static EnforcementDecision Decide(SevenOhLimit limit, LotSevenOhContent lot, LegalStatus status = LegalStatus.Regulated)
    {
        var entry = Entry("place", "US", "US-UT", status: status) with { SevenOhLimit = limit };
        var applicable = LegalStatusEvaluator.Evaluate([entry], new PatientLocation("US", "US-UT"), Today);
        return LegalEnforcement.Decide(applicable, Adult, Today, lot);
    }

    private static readonly SevenOhLimit TwoPercentOfAlkaloids = new(2m, SevenOhBasis.ShareOfAlkaloids, Inclusive: true);
    private static readonly SevenOhLimit OnePercentOfWeight = new(1m, SevenOhBasis.ShareOfWeight, Inclusive: true);

    [Theory]
    [InlineData("1.99", EnforcementOutcome.Allow)]
    [InlineData("2", EnforcementOutcome.Allow)]
    [InlineData("2.01", EnforcementOutcome.Refuse)]
    public void A_share_of_alkaloids_limit_allows_the_limit_itself_and_refuses_above_it(string share, EnforcementOutcome expected)
    {
        var decision = Decide(TwoPercentOfAlkaloids, new LotSevenOhContent(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), null));

        Assert.Equal(expected, decision.Outcome);
        if (expected == EnforcementOutcome.Refuse)
        {
            var reason = Assert.Single(decision.Refusals);
            Assert.Equal(EnforcementReasonKind.SevenOhOverLimit, reason.Kind);
            Assert.Contains("of total alkaloids", reason.Text, StringComparison.Ordinal);
            Assert.Equal(TestSource, Assert.Single(reason.Sources));
        }
    }

    [Theory]
    [InlineData("0.99", EnforcementOutcome.Allow)]
    [InlineData("1", EnforcementOutcome.Allow)]
    [InlineData("1.01", EnforcementOutcome.Refuse)]
    public void A_share_of_weight_limit_allows_the_limit_itself_and_refuses_above_it(string share, EnforcementOutcome expected)
    {
        var decision = Decide(OnePercentOfWeight, new LotSevenOhContent(null, decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture)), LegalStatus.SevenOhRestricted);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void An_exclusive_limit_refuses_a_lot_exactly_at_the_limit()
    {
        var decision = Decide(new SevenOhLimit(2m, SevenOhBasis.ShareOfAlkaloids, Inclusive: false), new LotSevenOhContent(2m, null));

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
    }

    [Fact]
    public void A_share_of_weight_limit_is_never_judged_on_the_share_of_alkaloids()
    {
        // 0.5 % of alkaloids says nothing about % of weight: warn, do not allow silently.
        var decision = Decide(OnePercentOfWeight, new LotSevenOhContent(0.5m, null), LegalStatus.SevenOhRestricted);

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(EnforcementReasonKind.SevenOhCannotBeJudged, reason.Kind);
        Assert.Contains("share of product weight", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_of_alkaloids_limit_without_the_lots_share_of_alkaloids_asks_for_confirmation()
    {
        var decision = Decide(TwoPercentOfAlkaloids, new LotSevenOhContent(null, 0.01m));

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
    }

    [Fact]
    public void A_limit_whose_basis_the_source_does_not_state_cannot_be_judged()
    {
        var decision = Decide(new SevenOhLimit(2m, SevenOhBasis.Unstated, Inclusive: false), new LotSevenOhContent(0.1m, 0.001m));

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        Assert.Equal(EnforcementReasonKind.SevenOhCannotBeJudged, Assert.Single(decision.Reasons).Kind);
    }

    [Fact]
    public void A_seven_oh_restriction_without_a_numeric_limit_asks_for_confirmation_of_the_lot()
    {
        var entry = Entry("oh", "US", "US-OH", status: LegalStatus.SevenOhRestricted);
        var applicable = LegalStatusEvaluator.Evaluate([entry], new PatientLocation("US", "US-OH"), Today);

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, LegalEnforcement.Decide(applicable, Adult, Today, new LotSevenOhContent(1m, 0.01m)).Outcome);
        Assert.Equal(EnforcementOutcome.Allow, LegalEnforcement.Decide(applicable, Adult, Today).Outcome);
    }

    [Fact]
    public void Without_a_lot_the_limit_is_not_judged()
    {
        var entry = Entry("ut", "US", "US-UT") with { SevenOhLimit = TwoPercentOfAlkaloids };
        var applicable = LegalStatusEvaluator.Evaluate([entry], new PatientLocation("US", "US-UT"), Today);

        Assert.Equal(EnforcementOutcome.Allow, LegalEnforcement.Decide(applicable, Adult, Today).Outcome);
    }

    private static readonly SevenOhLimit FourHundredPpmOfDryWeight = new(0.04m, SevenOhBasis.ShareOfDryWeight, Inclusive: true);

    [Theory]
    [InlineData(399, EnforcementOutcome.Allow)]
    [InlineData(400, EnforcementOutcome.Allow)]
    [InlineData(401, EnforcementOutcome.Refuse)]
    public void A_dry_weight_limit_of_400_ppm_allows_400_and_refuses_401_Florida_2ER25_2(int ppm, EnforcementOutcome expected)
    {
        // Florida emergency rule 2ER25-2 (19 Aug 2025): Schedule I above 400 ppm on a dry-weight basis (secondary sources, audit E1).
        var decision = Decide(FourHundredPpmOfDryWeight, new LotSevenOhContent(null, null, ppm / 10_000m), LegalStatus.SevenOhRestricted);

        Assert.Equal(expected, decision.Outcome);
        if (expected == EnforcementOutcome.Refuse)
        {
            var reason = Assert.Single(decision.Refusals);
            Assert.Contains("0.0401 % (401 ppm)", reason.Text, StringComparison.Ordinal);
            Assert.Contains("of dry weight", reason.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_as_tested_share_above_a_dry_weight_limit_refuses_because_drying_only_raises_the_share()
    {
        var decision = Decide(FourHundredPpmOfDryWeight, new LotSevenOhContent(null, 0.0401m), LegalStatus.SevenOhRestricted);

        Assert.Equal(EnforcementOutcome.Refuse, decision.Outcome);
        Assert.Equal(EnforcementReasonKind.SevenOhOverLimit, Assert.Single(decision.Refusals).Kind);
    }

    [Theory]
    [InlineData("0.0399")]
    [InlineData("0.04")]
    public void An_as_tested_share_at_or_below_a_dry_weight_limit_cannot_be_judged_without_the_moisture(string asTested)
    {
        var decision = Decide(FourHundredPpmOfDryWeight, new LotSevenOhContent(null, decimal.Parse(asTested, System.Globalization.CultureInfo.InvariantCulture)), LegalStatus.SevenOhRestricted);

        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(EnforcementReasonKind.SevenOhCannotBeJudged, reason.Kind);
        Assert.Contains("dry-weight share", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_weight_limit_is_shown_in_percent_and_ppm()
    {
        Assert.Equal("7-OH ≤ 0.04 % (400 ppm) of dry weight", FourHundredPpmOfDryWeight.ToString());
    }
}
