using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

/// <summary>Whether a dose is due on a day (rule HOME-DOSE-DUE): the order covers the day, it is no planned break day, and the
/// taper has not reached zero.</summary>
public sealed class DoseDueTests
{
    private static readonly PlannedBreak Break = new(Day(10), Day(12), "Family visit");

    private static RegimenOrder WithBreak() => Order() with { Breaks = [Break] };

    /// <summary>6 g a day from day 1, 3 g from day 8, 0 g from day 15.</summary>
    private static RegimenOrder WithTaper() => Order() with
    {
        Taper = new TaperCalendar([new TaperEntry(Day(1), 6m), new TaperEntry(Day(8), 3m), new TaperEntry(Day(15), 0m)]),
    };

    [Fact]
    public void A_dose_is_due_on_every_day_the_order_covers_and_on_none_outside_it()
    {
        Assert.True(DoseDue.On(Order(), Day(1)).Due);
        Assert.True(DoseDue.On(Order(), Day(31)).Due);
        Assert.Equal(DoseDueReason.OutsideRegimen, DoseDue.On(Order(), Day(0)).Reason);
        Assert.Equal(DoseDueReason.OutsideRegimen, DoseDue.On(Order(), Day(32)).Reason);
    }

    [Fact]
    public void No_dose_is_due_on_the_first_or_the_last_day_of_a_planned_break()
    {
        var first = DoseDue.On(WithBreak(), Day(10));
        var last = DoseDue.On(WithBreak(), Day(12));

        Assert.Equal(DoseDueReason.PlannedBreak, first.Reason);
        Assert.Equal(DoseDueReason.PlannedBreak, last.Reason);
        Assert.False(first.Due);
        Assert.Contains("2026-03-10 to 2026-03-12 (Family visit)", first.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dose_is_due_the_day_before_a_break_and_the_day_after_it()
    {
        Assert.True(DoseDue.On(WithBreak(), Day(9)).Due);
        Assert.True(DoseDue.On(WithBreak(), Day(13)).Due);
    }

    [Fact]
    public void A_dose_is_due_the_day_before_the_taper_reaches_zero_and_not_on_that_day_or_after()
    {
        Assert.True(DoseDue.On(WithTaper(), Day(14)).Due);
        var zeroDay = DoseDue.On(WithTaper(), Day(15));
        Assert.Equal(DoseDueReason.TaperAtZero, zeroDay.Reason);
        Assert.Contains("reached 0 g a day on 2026-03-15", zeroDay.Words, StringComparison.Ordinal);
        Assert.Equal(DoseDueReason.TaperAtZero, DoseDue.On(WithTaper(), Day(16)).Reason);
    }

    [Fact]
    public void A_lower_taper_step_above_zero_still_has_a_dose_due() => Assert.True(DoseDue.On(WithTaper(), Day(8)).Due);

    [Fact]
    public void The_rule_rests_on_the_clinicians_own_order() => Assert.Equal("clinic-policy", DoseDue.Source.Id);
}
