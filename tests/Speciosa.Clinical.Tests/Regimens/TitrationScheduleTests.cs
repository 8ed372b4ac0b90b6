using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

public class TitrationScheduleTests
{
    private static readonly ScoreCondition CowsBelow13 = new(WithdrawalScale.Cows, ScoreComparison.LessThan, 13);

    private static RegimenOrder Titrated(ScoreCondition? hold = null) =>
        Order(gramsPerAdministration: 1m) with { Titration = TitrationPlan.Uniform(1m, 0.5m, 3, 2.5m, hold) };

    [Fact]
    public void A_uniform_rule_is_written_out_as_explicit_steps_up_to_the_ceiling()
    {
        var plan = TitrationPlan.Uniform(1m, 0.5m, 3, 2.5m);

        Assert.Equal([1.5m, 2m, 2.5m], plan.Steps.Select(s => s.GramsPerAdministration));
        Assert.All(plan.Steps, s => Assert.Equal(3, s.DaysAfterPreviousStep));
    }

    [Fact]
    public void A_uniform_rule_never_adds_a_step_at_the_ceiling_the_increments_do_not_reach()
    {
        var plan = TitrationPlan.Uniform(1m, 0.5m, 3, 2.25m);

        Assert.Equal([1.5m, 2m], plan.Steps.Select(s => s.GramsPerAdministration));
    }

    [Fact]
    public void Before_the_first_step_is_due_the_starting_dose_applies_and_the_next_step_has_its_date()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(3), [], Utc);

        Assert.Equal(0, status.Current!.StepNumber);
        Assert.Equal(1m, status.Current!.GramsPerAdministration);
        Assert.Equal(1, status.Next!.StepNumber);
        Assert.Equal(1.5m, status.Next.GramsPerAdministration);
        Assert.Equal(Day(4), status.Next.DueOn);
        Assert.False(status.Next.IsHeld);
    }

    [Fact]
    public void Unheld_steps_start_on_their_due_day()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(7), [], Utc);

        Assert.Equal([Day(1), Day(4), Day(7)], status.Started.Select(s => s.StartedOn));
        Assert.Equal(2m, status.Current!.GramsPerAdministration);
        Assert.Equal(Day(10), status.Next!.DueOn);
        Assert.Equal(1.5m, status.GramsPerAdministrationOn(Day(6)));
    }

    [Fact]
    public void After_the_last_step_the_titration_is_complete_and_adds_nothing()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(30), [], Utc);

        Assert.True(status.IsComplete);
        Assert.Equal(2.5m, status.Current!.GramsPerAdministration);
        Assert.Equal(4, status.Started.Count);
    }

    [Fact]
    public void A_step_is_held_while_the_latest_cows_does_not_meet_the_condition_and_says_why()
    {
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(5), [Cows(Day(2), 10), Cows(Day(4), 13)], Utc);

        Assert.Equal(0, status.Current!.StepNumber);
        Assert.True(status.Next!.IsHeld);
        Assert.Equal(Day(4), status.Next.DueOn);
        Assert.Equal("held until COWS < 13: latest COWS is 13 (2026-03-04)", status.Next.HeldBecause);
    }

    [Fact]
    public void A_held_step_starts_on_the_day_the_condition_is_met_and_later_steps_count_from_then()
    {
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(8), [Cows(Day(4), 15), Cows(Day(6), 12)], Utc);

        Assert.Equal(1, status.Current!.StepNumber);
        Assert.Equal(Day(6), status.Current!.StartedOn);
        Assert.Equal(Day(9), status.Next!.DueOn);
        Assert.Equal(1m, status.GramsPerAdministrationOn(Day(5)));
    }

    [Fact]
    public void A_reading_met_before_the_step_was_due_lets_it_start_on_time()
    {
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(4), [Cows(Day(3), 8)], Utc);

        Assert.Equal(1, status.Current!.StepNumber);
        Assert.Equal(Day(4), status.Current!.StartedOn);
    }

    [Fact]
    public void Only_readings_since_the_current_step_started_count()
    {
        // Step 1 starts on day 4 on the day-3 reading; step 2 (due day 7) needs a reading taken on step 1.
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(8), [Cows(Day(3), 8)], Utc);

        Assert.Equal(1, status.Current!.StepNumber);
        Assert.True(status.Next!.IsHeld);
        Assert.Equal("held until COWS < 13: no COWS recorded since step 1 started (2026-03-04)", status.Next.HeldBecause);
    }

    [Fact]
    public void A_sows_condition_ignores_cows_readings()
    {
        var sowsBelow10 = new ScoreCondition(WithdrawalScale.Sows, ScoreComparison.LessThanOrEqual, 10);
        var order = Order(1m) with { Titration = new TitrationPlan([new TitrationStep(1.5m, 2, sowsBelow10)]) };

        var held = TitrationSchedule.Evaluate(order, Day(4), [Cows(Day(3), 2), Sows(Day(3), 11)], Utc);
        var started = TitrationSchedule.Evaluate(order, Day(4), [Cows(Day(3), 2), Sows(Day(4), 10)], Utc);

        Assert.True(held.Next!.IsHeld);
        Assert.Equal(Day(4), started.Current!.StartedOn);
        Assert.True(started.IsComplete);
    }

    [Theory]
    [InlineData(ScoreComparison.LessThan, 12, true)]
    [InlineData(ScoreComparison.LessThan, 13, false)]
    [InlineData(ScoreComparison.LessThanOrEqual, 13, true)]
    [InlineData(ScoreComparison.LessThanOrEqual, 14, false)]
    [InlineData(ScoreComparison.GreaterThanOrEqual, 13, true)]
    [InlineData(ScoreComparison.GreaterThanOrEqual, 12, false)]
    [InlineData(ScoreComparison.GreaterThan, 14, true)]
    [InlineData(ScoreComparison.GreaterThan, 13, false)]
    public void A_score_condition_is_met_at_and_beside_its_threshold(ScoreComparison comparison, int total, bool met)
    {
        Assert.Equal(met, new ScoreCondition(WithdrawalScale.Cows, comparison, 13).IsMetBy(total));
    }

    [Fact]
    public void Before_the_regimen_starts_nothing_is_in_effect_and_the_first_step_is_next()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Start.AddDays(-1), [], Utc);

        Assert.Empty(status.Started);
        Assert.Equal(Day(4), status.Next!.DueOn);
    }
}
