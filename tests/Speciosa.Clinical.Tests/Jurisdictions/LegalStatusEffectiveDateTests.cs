using Speciosa.Clinical.Jurisdictions;
using Xunit;
using static Speciosa.Clinical.Tests.Jurisdictions.Registry;

namespace Speciosa.Clinical.Tests.Jurisdictions;

public class LegalStatusEffectiveDateTests
{
    private static readonly DateOnly BanDay = new(2025, 8, 1);

    private static readonly JurisdictionEntry[] Entries =
    [
        Entry("old", "US", "US-LA", status: LegalStatus.Regulated, effective: new DateOnly(2019, 1, 1), lastVerified: new DateOnly(2025, 7, 1)),
        Entry("ban", "US", "US-LA", status: LegalStatus.Banned, effective: BanDay, lastVerified: new DateOnly(2025, 7, 1)),
    ];

    private static ApplicableLegalStatus On(DateOnly day) =>
        LegalStatusEvaluator.Evaluate(Entries, new PatientLocation("US", "US-LA"), day);

    [Fact]
    public void The_day_before_the_effective_date_the_earlier_entry_applies_and_the_new_one_is_announced()
    {
        var result = On(BanDay.AddDays(-1));

        Assert.Equal(LegalStatus.Regulated, result.Status);
        Assert.Equal("ban", result.Announced?.Id);
        Assert.Contains("Announced, not yet applied: Banned", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("2025-08-01", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_effective_date_the_new_entry_applies()
    {
        var result = On(BanDay);

        Assert.Equal(LegalStatus.Banned, result.Status);
        Assert.Equal("ban", result.Entry?.Id);
        Assert.Null(result.Announced);
    }

    [Fact]
    public void The_day_after_the_effective_date_the_new_entry_still_applies()
    {
        Assert.Equal(LegalStatus.Banned, On(BanDay.AddDays(1)).Status);
    }

    [Fact]
    public void Before_the_only_entry_takes_effect_the_status_is_unknown_with_the_change_announced()
    {
        var result = LegalStatusEvaluator.Evaluate([Entries[1]], new PatientLocation("US", "US-LA"), BanDay.AddDays(-1));

        Assert.Equal(LegalStatus.Unknown, result.Status);
        Assert.Equal("ban", result.Announced?.Id);
    }

    [Fact]
    public void A_temporary_rule_applies_through_its_last_day_and_lapses_the_day_after()
    {
        var end = new DateOnly(2026, 6, 10);
        var rule = Entry("oh", "US", "US-OH", status: LegalStatus.SevenOhRestricted, effective: new DateOnly(2025, 12, 12), lastVerified: end) with { EndsOn = end };

        var lastDay = LegalStatusEvaluator.Evaluate([rule], new PatientLocation("US", "US-OH"), end);
        var dayAfter = LegalStatusEvaluator.Evaluate([rule], new PatientLocation("US", "US-OH"), end.AddDays(1));

        Assert.Equal(LegalStatus.SevenOhRestricted, lastDay.Status);
        Assert.Equal(LegalStatus.Unknown, dayAfter.Status);
        Assert.Equal("oh", dayAfter.Lapsed?.Id);
        Assert.Contains("ended on 2026-06-10", dayAfter.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_given_only_as_a_year_counts_from_the_first_of_january_and_says_so()
    {
        var entry = Entry("wi", "US", "US-WI", status: LegalStatus.Banned) with { Effective = new EffectiveDate(new DateOnly(2014, 1, 1), DatePrecision.Year) };

        var result = LegalStatusEvaluator.Evaluate([entry], new PatientLocation("US", "US-WI"), new DateOnly(2014, 1, 1));

        Assert.Equal(LegalStatus.Banned, result.Status);
        Assert.Contains("2014 (year only)", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unconfirmed_date_is_in_force_but_older_than_any_dated_entry()
    {
        JurisdictionEntry[] entries =
        [
            Entry("undated", "US", "US-RI", status: LegalStatus.Banned, verified: false) with { Effective = EffectiveDate.Unconfirmed },
            Entry("dated", "US", "US-RI", status: LegalStatus.Regulated, effective: new DateOnly(2026, 4, 1)),
        ];

        Assert.Equal("undated", LegalStatusEvaluator.Evaluate(entries, new PatientLocation("US", "US-RI"), new DateOnly(2026, 3, 31)).Entry?.Id);
        Assert.Equal("dated", LegalStatusEvaluator.Evaluate(entries, new PatientLocation("US", "US-RI"), new DateOnly(2026, 4, 1)).Entry?.Id);
    }
}
