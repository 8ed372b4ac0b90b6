using Speciosa.Clinical.Regimens;
using Xunit;

namespace Speciosa.Clinical.Tests.Regimens;

public class TaperPlannerTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static decimal[] Grams(TaperCalendar calendar) => calendar.Entries.Select(e => e.GramsPerDay).ToArray();

    private static TaperCalendar Plan(TaperMethod method, decimal startingGrams, decimal step, decimal? share = null) =>
        TaperPlanner.Plan(new TaperSettings(method, Start, startingGrams, step, share));

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
    public void Percent_of_starting_rounds_each_week_from_the_starting_dose_to_the_nearest_step()
    {
        // 6 g − k × 15%: 5.1, 4.2, 3.3, 2.4, 1.5, 0.6, −0.3 → nearest 0.25 g; 0.6 → 0.5.
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 6m, 0.25m, 0.15m);

        Assert.Equal([5m, 4.25m, 3.25m, 2.5m, 1.5m, 0.5m, 0m], Grams(calendar));
        Assert.Contains("rounded to 5 g", calendar.Entries[0].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_half_step_rounds_up_to_the_slower_taper()
    {
        Assert.Equal(1.25m, TaperRounding.ToStep(1.125m, 0.25m));
        Assert.Equal(1m, TaperRounding.ToStep(1.124m, 0.25m));
        Assert.Equal(0m, TaperRounding.ToStep(-0.3m, 0.25m));
    }

    [Fact]
    public void Percent_of_current_drops_one_step_when_rounding_would_keep_the_dose()
    {
        // 2 g: 1.8 → 1.75; 1.575 → 1.5; 1.35 → 1.25; 1.125 → 1.25 (no change) → 1; 0.9 → 1 → 0.75;
        // 0.675 → 0.75 → 0.5; 0.45 → 0.5 → 0.25; 0.225 → 0.25 → 0.
        var calendar = Plan(TaperMethod.PercentOfCurrentDose, 2m, 0.25m, 0.10m);

        Assert.Equal([1.75m, 1.5m, 1.25m, 1m, 0.75m, 0.5m, 0.25m, 0m], Grams(calendar));
        Assert.Contains("one rounding step down", calendar.Entries[3].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_of_current_never_rises_when_the_starting_dose_is_off_the_rounding_grid()
    {
        // 1.2 g − 1% = 1.188, which rounds to 1.25: above the current dose, so the next step below (1 g).
        var calendar = Plan(TaperMethod.PercentOfCurrentDose, 1.2m, 0.25m, 0.01m);

        Assert.Equal([1m, 0.75m, 0.5m, 0.25m, 0m], Grams(calendar));
    }

    [Fact]
    public void Percent_of_starting_never_rises_above_an_off_grid_starting_dose()
    {
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 1.2m, 0.25m, 0.5m);

        Assert.Equal([0.5m, 0m], Grams(calendar));
        Assert.Empty(TaperCalendarValidation.Validate(Plan(TaperMethod.PercentOfStartingDose, 1.2m, 0.25m, 0.01m)));
    }

    [Fact]
    public void Cdc_two_phase_takes_ten_percent_of_the_original_until_thirty_percent_then_ten_percent_of_the_remainder()
    {
        var calendar = Plan(TaperMethod.Cdc2022TwoPhase, 10m, 0.25m);

        Assert.Equal(
            [9m, 8m, 7m, 6m, 5m, 4m, 3m, 2.75m, 2.5m, 2.25m, 2m, 1.75m, 1.5m, 1.25m, 1m, 0.75m, 0.5m, 0.25m, 0m],
            Grams(calendar));
        Assert.StartsWith("CDC phase 1", calendar.Entries[6].Basis, StringComparison.Ordinal);
        Assert.StartsWith("CDC phase 2", calendar.Entries[7].Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cdc_switch_comes_at_thirty_percent_of_the_original_dose()
    {
        var calendar = Plan(TaperMethod.Cdc2022TwoPhase, 20m, 0.5m);

        // Phase 1: 18 … 6 (30% of 20 g) in seven weeks; phase 2 begins at 6 × 0.9 = 5.4 → 5.5.
        Assert.Equal(6m, calendar.Entries[6].GramsPerDay);
        Assert.Equal(5.5m, calendar.Entries[7].GramsPerDay);
        Assert.Equal(0m, calendar.Entries[^1].GramsPerDay);
    }

    [Fact]
    public void The_cdc_scheme_cites_the_2022_guideline_as_a_confirmed_source()
    {
        Assert.Equal("CI-S56", DosingSources.Cdc2022Taper.Id);
        Assert.False(DosingSources.Cdc2022Taper.Unconfirmed);
        Assert.Contains("MMWR", DosingSources.Cdc2022Taper.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cdc_method_ignores_a_chosen_share_and_uses_its_published_ten_percent()
    {
        Assert.Equal(
            Grams(Plan(TaperMethod.Cdc2022TwoPhase, 10m, 0.25m)),
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
    public void A_small_starting_dose_keeps_the_rounded_dose_until_the_schedule_takes_it_below_half_a_step()
    {
        // 0.5 g − k × 10%: 0.45, 0.4 → 0.5; 0.35 … 0.15 → 0.25; 0.1 → 0.
        var calendar = Plan(TaperMethod.PercentOfStartingDose, 0.5m, 0.25m, 0.10m);

        Assert.Equal([0.5m, 0.5m, 0.25m, 0.25m, 0.25m, 0.25m, 0.25m, 0m], Grams(calendar));
    }

    [Fact]
    public void A_small_starting_dose_under_the_cdc_scheme_still_ends_at_zero()
    {
        var calendar = Plan(TaperMethod.Cdc2022TwoPhase, 0.5m, 0.25m);

        Assert.Equal([0.5m, 0.5m, 0.25m, 0.25m, 0.25m, 0.25m, 0.25m, 0m], Grams(calendar));
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
        var settings = new TaperSettings(TaperMethod.PercentOfCurrentDose, Start, 4m, 0.5m, 0.2m);

        Assert.Equal(settings, TaperPlanner.Plan(settings).GeneratedFrom);
    }
}
