using Speciosa.Clinical.MentalHealth;
using Xunit;

namespace Speciosa.Clinical.Tests.MentalHealth;

/// <summary>AUDIT-C items 1 × 2 as a drinks-a-day range (an estimate), and whether it answers RUCAM's alcohol risk factor
/// (above 2 drinks a day for women, 3 for men; the Liver feature's RUCAM prefill).</summary>
public sealed class AuditCIntakeTests
{
    private static AuditCDrinksPerDay Range(int often, int typical) =>
        AuditCIntake.DrinksPerDay(new Dictionary<int, int> { [1] = often, [2] = typical, [3] = 0 })!;

    [Fact]
    public void Never_drinking_is_zero_whatever_item_2_says()
    {
        var range = Range(0, 0);
        Assert.Equal(0m, range.Low);
        Assert.Equal(0m, range.High);
        Assert.False(range.Above(2m));
    }

    [Fact]
    public void Four_or_more_times_a_week_with_5_or_6_drinks_is_above_3_a_day_for_sure()
    {
        var range = Range(4, 2); // 4/7 × 5 = 2.86 … 1 × 6 = 6
        Assert.Equal(2.86m, range.Low);
        Assert.Equal(6m, range.High);
        Assert.Null(range.Above(3m)); // straddles 3: the clinician answers
        Assert.True(Range(4, 3).Above(3m)); // 4/7 × 7 = 4 > 3
    }

    [Fact]
    public void Two_to_four_times_a_month_with_1_or_2_drinks_is_at_or_below_2_a_day_for_sure()
    {
        var range = Range(2, 0);
        Assert.True(range.High <= 2m);
        Assert.False(range.Above(2m));
        Assert.Contains("not a measured intake", range.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_or_more_drinks_has_no_upper_end()
    {
        Assert.Null(Range(1, 4).High);
        Assert.Null(Range(1, 4).Above(2m));
    }

    [Fact]
    public void Missing_items_give_no_range()
    {
        Assert.Null(AuditCIntake.DrinksPerDay(new Dictionary<int, int> { [1] = 2 }));
    }
}
