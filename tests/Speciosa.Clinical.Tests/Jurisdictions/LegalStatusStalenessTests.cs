using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class LegalStatusStalenessTests
{
    private static ApplicableLegalStatus VerifiedDaysAgo(int days, int? staleAfterDays = null)
    {
        var entry = Entry("th", "TH", lastVerified: Today.AddDays(-days));
        return staleAfterDays is { } limit
            ? LegalStatusEvaluator.Evaluate([entry], new PatientLocation("TH"), Today, limit)
            : LegalStatusEvaluator.Evaluate([entry], new PatientLocation("TH"), Today);
    }

    [Fact]
    public void An_entry_verified_180_days_ago_is_not_stale()
    {
        var result = VerifiedDaysAgo(180);

        Assert.False(result.IsStale);
        Assert.Equal(180, result.DaysSinceVerified);
    }

    [Fact]
    public void An_entry_verified_181_days_ago_is_stale_and_asks_for_confirmation()
    {
        var result = VerifiedDaysAgo(181);

        Assert.True(result.IsStale);
        Assert.Contains("stale", result.Explanation, StringComparison.Ordinal);
        var decision = LegalEnforcement.Decide(result, Adult, Today);
        Assert.Equal(EnforcementOutcome.WarnAndConfirm, decision.Outcome);
        Assert.Contains(decision.Reasons, r => r.Kind == EnforcementReasonKind.EntryStale);
    }

    [Fact]
    public void The_staleness_threshold_is_configurable()
    {
        Assert.False(VerifiedDaysAgo(30, staleAfterDays: 30).IsStale);
        Assert.True(VerifiedDaysAgo(31, staleAfterDays: 30).IsStale);
    }

    [Fact]
    public void A_fresh_verified_regulated_entry_allows_an_adult()
    {
        var decision = LegalEnforcement.Decide(VerifiedDaysAgo(0), Adult, Today);

        Assert.Equal(EnforcementOutcome.Allow, decision.Outcome);
        Assert.Empty(decision.Reasons);
    }
}
