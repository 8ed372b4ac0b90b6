using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Speciosa.Clinical.Treatment;
using Xunit;

namespace Speciosa.Clinical.Tests.Treatment;

/// <summary>Loss of tolerance (clinical audit 3.2; LOCAL-TOLERANCE, LOCAL-MISSED-DAYS): a taper reaching zero, a planned break
/// and N consecutive days without a dose each warn, from the day they happen until 14 days after they end.</summary>
public class ToleranceWatchTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);
    private static readonly DateOnly Zero = new(2026, 3, 22);
    private static readonly ToleranceSettings Three = new(3, IsSoftwareDefault: true);

    private static RegimenOrder Tapering() => new(2m, 6m, Start, null, 3)
    {
        Taper = new TaperCalendar([new(new(2026, 3, 8), 4m), new(new(2026, 3, 15), 2m), new(Zero, 0m)]),
    };

    private static WatchedRegimen R(RegimenOrder order) => new("r1", 2, order);

    /// <summary>A dose on every day of the order from its start to the day before <paramref name="until"/>.</summary>
    private static HashSet<DateOnly> DosedUntil(DateOnly until, DateOnly? from = null)
    {
        var days = new HashSet<DateOnly>();
        for (var d = from ?? Start; d < until; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    private static IReadOnlyList<ToleranceEvent> Events(RegimenOrder order, DateOnly today, IReadOnlySet<DateOnly>? doses = null, ToleranceSettings? s = null) =>
        ToleranceWatch.Events([R(order)], doses ?? DosedUntil(today), today, s ?? Three);

    [Fact]
    public void A_taper_reaching_zero_warns_about_tolerance_on_its_zero_day_and_not_the_day_before()
    {
        Assert.DoesNotContain(Events(Tapering(), Zero.AddDays(-1)), e => e.Kind == ToleranceEventKind.TaperReachedZero);

        var e = Assert.Single(Events(Tapering(), Zero, DosedUntil(Zero)), e => e.Kind == ToleranceEventKind.TaperReachedZero);
        Assert.Equal("regimen/r1/tolerance:taper-zero:2026-03-22", e.ConditionKey);

        var alert = Assert.Single(ToleranceWatch.Alerts([e], Three, Zero));
        Assert.Equal("overdose.tolerance-taper-zero", alert.Rule.Id);
        Assert.Equal(AlertSeverity.High, alert.Rule.Severity);
        Assert.Contains("overdose", alert.Message, StringComparison.Ordinal);
        Assert.Contains("tolerance", alert.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(alert.Inputs, i => i.Name == "Taper entry of 0 g a day from" && i.Value == "2026-03-22");
        Assert.Contains(alert.Inputs, i => i.Name == "Last entry above zero" && i.Value == "2 g a day from 2026-03-15");
        Assert.Contains("0 g a day", alert.Threshold, StringComparison.Ordinal);
        Assert.Equal("LOCAL-TOLERANCE", alert.Rule.Source.Id);
        Assert.True(alert.Rule.Source.Unconfirmed);
    }

    [Fact]
    public void The_taper_warning_is_still_raised_fourteen_days_after_the_zero_day_and_not_fifteen()
    {
        Assert.Contains(Events(Tapering(), Zero.AddDays(14), DosedUntil(Zero)), e => e.Kind == ToleranceEventKind.TaperReachedZero);
        Assert.DoesNotContain(Events(Tapering(), Zero.AddDays(15), DosedUntil(Zero)), e => e.Kind == ToleranceEventKind.TaperReachedZero);
    }

    [Fact]
    public void A_taper_without_a_zero_entry_or_an_order_without_a_taper_never_warns_about_the_taper()
    {
        var noZero = Tapering() with { Taper = new TaperCalendar([new(new(2026, 3, 8), 4m)]) };
        Assert.Null(ToleranceWatch.ZeroDay(noZero));
        Assert.Null(ToleranceWatch.ZeroDay(new RegimenOrder(2m, 6m, Start, null, 3)));
    }

    [Fact]
    public void Days_at_zero_after_the_taper_are_not_counted_as_missed_doses()
    {
        var events = Events(Tapering(), Zero.AddDays(10), DosedUntil(Zero));

        Assert.DoesNotContain(events, e => e.Kind == ToleranceEventKind.MissedDays);
    }

    [Fact]
    public void A_planned_break_warns_from_its_first_day_until_fourteen_days_after_its_last()
    {
        var order = new RegimenOrder(2m, 6m, Start, null, 3) { Breaks = [new PlannedBreak(new(2026, 3, 10), new(2026, 3, 12), "Travel")] };
        var doses = DosedUntil(new(2026, 3, 10));
        doses.UnionWith(DosedUntil(new(2026, 4, 30), new(2026, 3, 13)));

        Assert.DoesNotContain(Events(order, new(2026, 3, 9), doses), e => e.Kind == ToleranceEventKind.PlannedBreak);
        var e = Assert.Single(Events(order, new(2026, 3, 10), doses));
        Assert.Equal((ToleranceEventKind.PlannedBreak, 3), (e.Kind, e.Days));
        Assert.Contains(Events(order, new(2026, 3, 26), doses), x => x.Kind == ToleranceEventKind.PlannedBreak);
        Assert.DoesNotContain(Events(order, new(2026, 3, 27), doses), x => x.Kind == ToleranceEventKind.PlannedBreak);

        var alert = Assert.Single(ToleranceWatch.Alerts([e], Three, new(2026, 3, 10)));
        Assert.Equal("overdose.tolerance-after-break", alert.Rule.Id);
        Assert.Contains(alert.Inputs, i => i.Name == "Reason given" && i.Value == "Travel");
    }

    [Fact]
    public void Break_days_are_not_missed_days()
    {
        var order = new RegimenOrder(2m, 6m, Start, null, 3) { Breaks = [new PlannedBreak(new(2026, 3, 10), new(2026, 3, 20))] };
        var doses = DosedUntil(new(2026, 3, 10));

        Assert.DoesNotContain(Events(order, new(2026, 3, 21), doses), e => e.Kind == ToleranceEventKind.MissedDays);
    }

    [Fact]
    public void Two_days_without_a_dose_do_not_warn_when_the_threshold_is_three()
    {
        var today = new DateOnly(2026, 3, 20);
        var doses = DosedUntil(today.AddDays(-2));

        Assert.Empty(Events(new RegimenOrder(2m, 6m, Start, null, 3), today, doses));
    }

    [Fact]
    public void Three_days_without_a_dose_warn_once_keyed_by_the_first_missed_day_and_today_does_not_count()
    {
        var order = new RegimenOrder(2m, 6m, Start, null, 3);
        var today = new DateOnly(2026, 3, 20);
        var doses = DosedUntil(today.AddDays(-3));

        var e = Assert.Single(Events(order, today, doses));
        Assert.Equal((ToleranceEventKind.MissedDays, 3, new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 19)), (e.Kind, e.Days, e.From, e.To));
        Assert.Equal("regimen/r1/tolerance:missed-from:2026-03-17", e.ConditionKey);

        // The gap grows, the key stays: one alert for one gap.
        Assert.Equal(e.ConditionKey, Assert.Single(Events(order, today.AddDays(2), doses)).ConditionKey);

        var alert = Assert.Single(ToleranceWatch.Alerts([e], Three, today));
        Assert.Equal("overdose.tolerance-missed-days", alert.Rule.Id);
        Assert.Contains("3 or more consecutive days", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains("software default, not a clinic decision", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains(alert.Inputs, i => i.Name == "Days without a recorded dose" && i.Value == "3");
    }

    [Fact]
    public void A_gap_that_ended_with_a_dose_still_warns_for_fourteen_days_after_its_last_missed_day()
    {
        var order = new RegimenOrder(2m, 6m, Start, null, 3);
        var doses = DosedUntil(new(2026, 3, 10));
        doses.UnionWith(DosedUntil(new(2026, 5, 1), new(2026, 3, 15))); // 10–14 March missed (5 days)

        Assert.Single(Events(order, new(2026, 3, 28), doses));
        Assert.Empty(Events(order, new(2026, 3, 29), doses));
    }

    [Fact]
    public void The_clinics_threshold_replaces_the_software_default()
    {
        var today = new DateOnly(2026, 3, 20);
        var doses = DosedUntil(today.AddDays(-3));

        Assert.Empty(Events(new RegimenOrder(2m, 6m, Start, null, 3), today, doses, new ToleranceSettings(4, false)));
        var alert = ToleranceWatch.Alerts(Events(new RegimenOrder(2m, 6m, Start, null, 3), today, DosedUntil(today.AddDays(-4)), new ToleranceSettings(4, false)),
            new ToleranceSettings(4, false), today).Single();
        Assert.Contains("(clinic configuration; UNCONFIRMED)", alert.Threshold, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_before_the_order_starts_and_after_it_ends_are_not_missed()
    {
        var order = new RegimenOrder(2m, 6m, Start, new DateOnly(2026, 3, 10), 3);

        Assert.Empty(Events(order, new(2026, 3, 20), DosedUntil(new(2026, 3, 11))));
        Assert.Empty(Events(order, Start, new HashSet<DateOnly>()));
    }
}
