using Speciosa.Clinical.Regimens;
using Xunit;

namespace Speciosa.Clinical.Tests.Regimens;

public class TaperPlannerTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static decimal[] Grams(TaperCalendar calendar) => calendar.Entries.Select(e => e.GramsPerDay).ToArray();

    private static TaperCalendar Plan(TaperMethod method, decimal startingGrams, decimal step, decimal? share = null,
        TaperUseDuration? duration = TaperUseDuration.UnderOneYear) =>
        TaperPlanner.Plan(new TaperSettings(method, Start, startingGrams, step, share, method == TaperMethod.Cdc2022TwoPhase ? duration : null));

    private static TaperCalendar Cdc(decimal startingGrams, decimal step, TaperUseDuration duration = TaperUseDuration.UnderOneYear) =>
        Plan(TaperMethod.Cdc2022TwoPhase, startingGrams, step, null, duration);

    [Fact]
    public void Ten_percent_of_the_starting_dose_a_week_is_linear_to_zero()
    {
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 10m, 0.25m, 0.10m);

        Assert.Equal([9m, 8m, 7m, 6m, 5m, 4m, 3m, 2m, 1m, 0m], Grams(calendar));
    }

    [Fact]
    public void Entries_start_weekly_from_the_start_date_with_the_first_reduced_week()
    {
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 10m, 0.25m, 0.25m);

        Assert.Equal([Start, Start.AddDays(7), Start.AddDays(14), Start.AddDays(21)], calendar.Entries.Select(e => e.StartsOn));
        Assert.Equal([7.5m, 5m, 2.5m, 0m], Grams(calendar));
    }

    [Fact]
    public void E7_twelve_grams_rounds_up_to_the_slower_taper_ten_point_eight_to_eleven_and_nine_point_six_to_ten_not_nine_and_a_half()
    {
        // CDC 2022 "10% … or slower": 12 g − k × 1.2 g rounded up to 0.5 g.
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 12m, 0.5m, 0.10m);

        Assert.Equal([11m, 10m, 8.5m, 7.5m, 6m, 5m, 4m, 2.5m, 1.5m, 0m], Grams(calendar));
        Assert.Contains("= 10.8 g, rounded up to 11 g", calendar.Entries[0].Basis, StringComparison.Ordinal);
        Assert.Contains("= 9.6 g, rounded up to 10 g", calendar.Entries[1].Basis, StringComparison.Ordinal);
        Assert.Equal(Grams(calendar)[..7], Grams(Cdc(12m, 0.5m))[..7]);
    }

    [Fact]
    public void Percent_of_starting_rounds_each_week_from_the_starting_dose_up_to_the_step()
    {
        // 6 g − k × 15%: 5.1, 4.2, 3.3, 2.4, 1.5, 0.6, −0.3 → up to 0.25 g.
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 6m, 0.25m, 0.15m);

        Assert.Equal([5.25m, 4.25m, 3.5m, 2.5m, 1.5m, 0.75m, 0m], Grams(calendar));
        Assert.Contains("rounded up to 5.25 g", calendar.Entries[0].Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.125, 0.25, 1.25)]
    [InlineData(1.001, 0.25, 1.25)]
    [InlineData(1.0, 0.25, 1.0)]
    [InlineData(9.6, 0.5, 10.0)]
    [InlineData(10.8, 0.5, 11.0)]
    [InlineData(0.01, 0.5, 0.5)]
    [InlineData(0, 0.5, 0)]
    [InlineData(-0.3, 0.25, 0)]
    public void Rounding_goes_up_to_the_next_step_never_down(double grams, double step, double expected)
    {
        Assert.Equal((decimal)expected, TaperRounding.ToStep((decimal)grams, (decimal)step));
    }

    [Theory]
    [InlineData(TaperMethod.PercentOfStartingDose, 0.10)]
    [InlineData(TaperMethod.PercentOfStartingDose, 0.15)]
    [InlineData(TaperMethod.PercentOfCurrentDose, 0.10)]
    [InlineData(TaperMethod.PercentOfCurrentDose, 0.25)]
    [InlineData(TaperMethod.Cdc2022TwoPhase, null)]
    public void No_week_before_the_rounding_tail_is_below_the_exact_figure_of_the_chosen_rate(TaperMethod method, double? share)
    {
        foreach (var start in new[] { 3m, 7.3m, 8m, 12m, 20m })
        {
            foreach (var step in new[] { 0.25m, 0.5m, 1m })
            {
                var p = share is { } s ? (decimal)s : TaperPlanner.CdcWeeklyReduction;
                var calendar = Plan(method, start, step, share is null ? null : p);
                var exact = start;
                for (var k = 1; k <= calendar.Entries.Count; k++)
                {
                    var entry = calendar.Entries[k - 1];
                    if (entry.Basis!.Contains("step-down by rounding", StringComparison.Ordinal))
                    {
                        break;
                    }

                    var linear = method == TaperMethod.PercentOfStartingDose
                        || (method == TaperMethod.Cdc2022TwoPhase && 1m - (k * p) >= TaperPlanner.CdcSwitchRemaining);
                    exact = linear ? start - (k * p * start) : exact * (1m - p);
                    Assert.True(entry.GramsPerDay >= exact, $"{method} {start} g / {step} g, period {k}: {entry.GramsPerDay} < {exact}");
                }
            }
        }
    }

    [Fact]
    public void Percent_of_current_holds_until_the_exact_dose_crosses_a_step_then_steps_down_by_rounding_once_the_rate_is_below_half_a_step()
    {
        // 2 g × 0.9^k: 1.8, 1.62, 1.458, 1.312, 1.181, 1.063, 0.957 → up to 0.25 g: 2, 1.75, 1.5, 1.5, 1.25, 1.25, 1.
        // At 1.25 g, 10% is exactly half the step (not below): the rate still applies. At 1 g it is below: one step a week.
        var calendar = Plan(TaperMethod.PercentOfCurrentDose, 2m, 0.25m, 0.10m);

        Assert.Equal([2m, 1.75m, 1.5m, 1.5m, 1.25m, 1.25m, 1m, 0.75m, 0.5m, 0.25m, 0m], Grams(calendar));
        Assert.DoesNotContain("step-down", calendar.Entries[5].Basis, StringComparison.Ordinal);
        Assert.StartsWith("week 8: step-down by rounding (not the chosen rate): 10% of 1 g is 0.1 g, below half the 0.25 g rounding step",
            calendar.Entries[7].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_of_current_never_rises_when_the_starting_dose_is_off_the_rounding_grid()
    {
        // 1% of 1.2 g is below half a 0.25 g step from the start: step-down by rounding to the grid below.
        var calendar = Plan(TaperMethod.PercentOfCurrentDose, 1.2m, 0.25m, 0.01m);

        Assert.Equal([1m, 0.75m, 0.5m, 0.25m, 0m], Grams(calendar));
    }

    [Fact]
    public void Percent_of_starting_never_rises_above_an_off_grid_starting_dose()
    {
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 1.2m, 0.25m, 0.5m);

        Assert.Equal([0.75m, 0m], Grams(calendar));
        Assert.Empty(TaperCalendarValidation.Validate(Plan(TaperMethod.PercentOfStartingDose, 1.2m, 0.25m, 0.01m)));
    }

    [Fact]
    public void E7_eight_grams_with_a_half_gram_step_labels_its_tail_step_down_by_rounding_not_cdc()
    {
        // Phase 1: 7.2, 6.4, 5.6, 4.8, 4, 3.2, 2.4 up to 0.5 g. Phase 2 from 2.4 g: 2.16 → 2.5 (10% of 2.5 g is exactly
        // half a step: still CDC), 1.944 → 2. At 2 g, 10% is below half a step: one 0.5 g step a week, not CDC.
        var calendar = Cdc(8m, 0.5m);

        Assert.Equal([7.5m, 6.5m, 6m, 5m, 4m, 3.5m, 2.5m, 2.5m, 2m, 1.5m, 1m, 0.5m, 0m], Grams(calendar));
        Assert.StartsWith("CDC 2022 phase 2", calendar.Entries[8].Basis, StringComparison.Ordinal);
        foreach (var tail in calendar.Entries.Skip(9))
        {
            Assert.Contains("step-down by rounding (not CDC)", tail.Basis, StringComparison.Ordinal);
            Assert.DoesNotContain("CDC 2022", tail.Basis, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void E7_five_grams_with_a_quarter_gram_step_follows_ten_percent_of_the_remainder_until_it_is_below_half_a_step()
    {
        var calendar = Cdc(5m, 0.25m);

        Assert.Equal([4.5m, 4m, 3.5m, 3m, 2.5m, 2m, 1.5m, 1.5m, 1.25m, 1.25m, 1m, 0.75m, 0.5m, 0.25m, 0m], Grams(calendar));
        Assert.Equal(4, calendar.Entries.Count(e => e.Basis!.Contains("step-down by rounding (not CDC)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_cdc_entry_says_it_is_extrapolated_from_a_guideline_for_opioids_prescribed_for_pain()
    {
        var calendar = Cdc(10m, 0.25m);

        Assert.All(calendar.Entries.Where(e => e.Basis!.Contains("CDC 2022", StringComparison.Ordinal)),
            e => Assert.Contains(TaperPlanner.CdcExtrapolation, e.Basis, StringComparison.Ordinal));
        Assert.StartsWith("CDC 2022 phase 1", calendar.Entries[6].Basis, StringComparison.Ordinal);
        Assert.StartsWith("CDC 2022 phase 2", calendar.Entries[7].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cdc_switch_comes_at_thirty_percent_of_the_original_dose()
    {
        var calendar = Cdc(20m, 0.5m);

        // Phase 1: 18 … 6 (30% of 20 g) in seven weeks; phase 2 begins at 6 × 0.9 = 5.4 → 5.5.
        Assert.Equal(6m, calendar.Entries[6].GramsPerDay);
        Assert.Equal(5.5m, calendar.Entries[7].GramsPerDay);
        Assert.Equal(0m, calendar.Entries[^1].GramsPerDay);
    }

    [Fact]
    public void After_a_year_or_more_of_use_the_cdc_shape_goes_a_calendar_month_at_a_time()
    {
        var weekly = Cdc(10m, 0.25m);
        var monthly = Cdc(10m, 0.25m, TaperUseDuration.OneYearOrMore);

        Assert.Equal(Grams(weekly), Grams(monthly));
        Assert.Equal([Start, Start.AddMonths(1), Start.AddMonths(2)], monthly.Entries.Take(3).Select(e => e.StartsOn));
        Assert.Contains("a year or more of use (10% a month or slower)", monthly.Entries[0].Basis, StringComparison.Ordinal);
        Assert.StartsWith("CDC 2022 phase 1", monthly.Entries[0].Basis, StringComparison.Ordinal);
        Assert.Contains(": month 1:", monthly.Entries[0].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cdc_method_without_the_duration_of_use_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Cdc(10m, 0.25m, (TaperUseDuration)99));
        Assert.Throws<ArgumentException>(() => TaperPlanner.Plan(new TaperSettings(TaperMethod.Cdc2022TwoPhase, Start, 10m, 0.25m)));
    }

    [Fact]
    public void The_cdc_scheme_cites_the_2022_guideline_and_says_it_was_written_for_pain()
    {
        Assert.Equal("CI-S56", DosingSources.Cdc2022Taper.Id);
        Assert.False(DosingSources.Cdc2022Taper.Unconfirmed);
        Assert.Contains("MMWR", DosingSources.Cdc2022Taper.Citation, StringComparison.Ordinal);
        Assert.Contains("extrapolation", DosingSources.Cdc2022Taper.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cdc_method_ignores_a_chosen_share_and_uses_its_published_ten_percent()
    {
        Assert.Equal(
            Grams(Cdc(10m, 0.25m)),
            Grams(Plan(TaperMethod.Cdc2022TwoPhase, 10m, 0.25m, 0.5m)));
    }

    [Theory]
    [InlineData(TaperMethod.PercentOfStartingDose)]
    [InlineData(TaperMethod.PercentOfCurrentDose)]
    [InlineData(TaperMethod.Cdc2022TwoPhase)]
    public void Every_method_reaches_zero_and_passes_its_own_validation(TaperMethod method)
    {
        foreach (var grams in new[] { 0.25m, 0.5m, 1m, 3m, 7.3m, 15m, 40m })
        {
            var calendar = Plan(method, grams, 0.25m, 0.1m);

            Assert.Equal(0m, calendar.Entries[^1].GramsPerDay);
            Assert.Empty(TaperCalendarValidation.Validate(calendar));
        }
    }

    [Fact]
    public void A_small_starting_dose_keeps_the_rounded_dose_until_the_schedule_reaches_the_step_below()
    {
        // 0.5 g − k × 10%: 0.45 … 0.3 → 0.5; 0.25 … 0.05 → 0.25; 0 → 0.
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 0.5m, 0.25m, 0.10m);

        Assert.Equal([0.5m, 0.5m, 0.5m, 0.5m, 0.25m, 0.25m, 0.25m, 0.25m, 0.25m, 0m], Grams(calendar));
    }

    [Fact]
    public void A_small_starting_dose_under_the_cdc_scheme_still_ends_at_zero_by_a_labelled_step_down()
    {
        var calendar = Cdc(0.5m, 0.25m);

        Assert.Equal([0.5m, 0.5m, 0.5m, 0.5m, 0.25m, 0.25m, 0.25m, 0m], Grams(calendar));
        Assert.Contains("not CDC", calendar.Entries[^1].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rounding_step_larger_than_the_dose_stops_in_the_first_week()
    {
        var calendar = Plan(TaperMethod.PercentOfCurrentDose, 0.4m, 1m, 0.1m);

        Assert.Equal([0m], Grams(calendar));
    }

    [Fact]
    public void A_percent_taper_without_a_chosen_share_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Plan(TaperMethod.PercentOfCurrentDose, 5m, 0.25m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(TaperMethod.PercentOfStartingDose, 5m, 0.25m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan(TaperMethod.PercentOfStartingDose, 5m, 0m, 0.1m));
    }

    [Fact]
    public void The_calendar_keeps_the_settings_it_was_generated_from()
    {
        var settings = new TaperSettings(TaperMethod.Cdc2022TwoPhase, Start, 4m, 0.5m, null, TaperUseDuration.OneYearOrMore);

        Assert.Equal(settings, TaperPlanner.Plan(settings).GeneratedFrom);
    }
}
