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
    public void An_unheld_step_never_starts_by_itself_it_waits_for_the_clinician_on_its_due_day()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(7), [], Utc);

        Assert.Equal(0, status.Current!.StepNumber);
        Assert.Equal(1m, status.Current!.GramsPerAdministration);
        Assert.True(status.Next!.AwaitingDecision);
        Assert.Equal(Day(4), status.Next.DueOn);
        Assert.Empty(status.Next.Readings);
    }

    [Fact]
    public void A_confirmed_step_starts_on_the_day_of_the_confirmation_and_the_next_counts_from_then()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(8), [], Utc, [Confirm(1, 1.5m, Day(5))]);

        Assert.Equal([Day(1), Day(5)], status.Started.Select(s => s.StartedOn));
        Assert.Equal(1.5m, status.Current!.GramsPerAdministration);
        Assert.Equal(Day(8), status.Next!.DueOn);
        Assert.True(status.Next.AwaitingDecision);
        Assert.Equal(1m, status.GramsPerAdministrationOn(Day(4)));
    }

    [Fact]
    public void A_confirmation_after_the_day_evaluated_does_not_count_for_that_day()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(4), [], Utc, [Confirm(1, 1.5m, Day(5))]);

        Assert.Equal(0, status.Current!.StepNumber);
        Assert.Equal(1m, DayLimits.On(Titrated(), Day(4), [], Utc, [Confirm(1, 1.5m, Day(5))]).GramsPerAdministration);
        Assert.Equal(1.5m, DayLimits.On(Titrated(), Day(5), [], Utc, [Confirm(1, 1.5m, Day(5))]).GramsPerAdministration);
    }

    [Fact]
    public void A_confirmation_of_other_grams_does_not_start_an_amended_step()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(8), [], Utc, [Confirm(1, 2m, Day(5))]);

        Assert.Equal(0, status.Current!.StepNumber);
        Assert.True(status.Next!.AwaitingDecision);
    }

    [Fact]
    public void A_declined_unheld_step_is_due_again_one_interval_after_the_decline()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(6), [], Utc, [Decline(1, 1.5m, Day(4))]);
        var again = TitrationSchedule.Evaluate(Titrated(), Day(7), [], Utc, [Decline(1, 1.5m, Day(4))]);

        Assert.False(status.Next!.AwaitingDecision);
        Assert.Equal(Day(7), status.Next.DueOn);
        Assert.True(again.Next!.AwaitingDecision);
        Assert.Equal(0, again.Current!.StepNumber);
    }

    [Fact]
    public void After_the_last_confirmed_step_the_titration_is_complete_and_adds_nothing()
    {
        var status = TitrationSchedule.Evaluate(Titrated(), Day(30), [], Utc,
            [Confirm(1, 1.5m, Day(4)), Confirm(2, 2m, Day(7)), Confirm(3, 2.5m, Day(10))]);

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
        Assert.False(status.Next.AwaitingDecision);
        Assert.Equal(Day(4), status.Next.DueOn);
        Assert.Equal("held until COWS < 13: latest staff-rated COWS is 13 (2026-03-04); patient-reported scores do not count", status.Next.HeldBecause);
    }

    [Fact]
    public void A_met_hold_prompts_the_clinician_with_the_reading_behind_it_and_does_not_start_the_step()
    {
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(8), [Cows(Day(4), 15), Cows(Day(6), 12)], Utc);

        Assert.Equal(0, status.Current!.StepNumber);
        Assert.True(status.Next!.AwaitingDecision);
        Assert.Equal(12, Assert.Single(status.Next.Readings).Total);
        Assert.Equal(1m, DayLimits.On(Titrated(CowsBelow13), Day(8), [Cows(Day(4), 15), Cows(Day(6), 12)], Utc).GramsPerAdministration);
    }

    [Fact]
    public void A_reading_met_before_the_step_was_due_prompts_on_the_due_day_not_before()
    {
        var early = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(3), [Cows(Day(3), 8)], Utc);
        var due = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(4), [Cows(Day(3), 8)], Utc);

        Assert.False(early.Next!.AwaitingDecision);
        Assert.True(due.Next!.AwaitingDecision);
    }

    [Fact]
    public void Only_readings_since_the_current_step_started_count()
    {
        // Step 1 confirmed on day 4 on the day-3 reading; step 2 (due day 7) needs a reading taken on step 1.
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(8), [Cows(Day(3), 8)], Utc, [Confirm(1, 1.5m, Day(4))]);

        Assert.Equal(1, status.Current!.StepNumber);
        Assert.True(status.Next!.IsHeld);
        Assert.StartsWith("held until COWS < 13: no staff-rated COWS recorded since step 1 started (2026-03-04)", status.Next.HeldBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_reported_sows_never_meets_a_hold_however_high()
    {
        var sowsAtLeast10 = new ScoreCondition(WithdrawalScale.Sows, ScoreComparison.GreaterThanOrEqual, 10);
        var order = Order(1m) with { Titration = new TitrationPlan([new TitrationStep(1.5m, 2, sowsAtLeast10)]) };

        var status = TitrationSchedule.Evaluate(order, Day(6), [OwnSows(Day(3), 40), OwnSows(Day(5), 60)], Utc);

        Assert.True(status.Next!.IsHeld);
        Assert.False(status.Next.AwaitingDecision);
        Assert.Equal(1m, DayLimits.On(order, Day(6), [OwnSows(Day(5), 60)], Utc).GramsPerAdministration);
    }

    [Fact]
    public void A_sows_condition_ignores_cows_readings_and_counts_a_staff_recorded_sows()
    {
        var sowsBelow10 = new ScoreCondition(WithdrawalScale.Sows, ScoreComparison.LessThanOrEqual, 10);
        var order = Order(1m) with { Titration = new TitrationPlan([new TitrationStep(1.5m, 2, sowsBelow10)]) };

        var held = TitrationSchedule.Evaluate(order, Day(4), [Cows(Day(3), 2), Sows(Day(3), 11)], Utc);
        var due = TitrationSchedule.Evaluate(order, Day(4), [Cows(Day(3), 2), Sows(Day(4), 10)], Utc);

        Assert.True(held.Next!.IsHeld);
        Assert.True(due.Next!.AwaitingDecision);
        Assert.Equal(WithdrawalScale.Sows, Assert.Single(due.Next.Readings).Scale);
    }

    [Fact]
    public void A_declined_held_step_prompts_again_only_on_a_reading_taken_after_the_decline()
    {
        var readings = new[] { Cows(Day(4), 10) };
        var declined = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(5), readings, Utc, [Decline(1, 1.5m, Day(4), hour: 12)]);
        var newer = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(6), [.. readings, Cows(Day(6), 9)], Utc, [Decline(1, 1.5m, Day(4), hour: 12)]);

        Assert.False(declined.Next!.AwaitingDecision);
        Assert.True(declined.Next.IsHeld);
        Assert.NotNull(declined.Next.LastDeclined);
        Assert.True(newer.Next!.AwaitingDecision);
        Assert.Equal(9, Assert.Single(newer.Next.Readings).Total);
    }

    [Fact]
    public void The_step_due_prompt_is_an_alert_with_the_readings_and_the_orders_condition()
    {
        var status = TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(8), [Cows(Day(6), 12)], Utc);

        var alert = TitrationPrompt.For(status, "r1")!;

        Assert.Equal(DosingAlertRules.TitrationStepDue, alert.Rule);
        Assert.Equal("dosing:titration-due:r1:step1", alert.ConditionKey);
        Assert.Contains(alert.Inputs, i => i.Name == "COWS (staff-rated)" && i.Value.StartsWith("12 at", StringComparison.Ordinal));
        Assert.Contains("COWS < 13", alert.Threshold, StringComparison.Ordinal);
        Assert.Null(TitrationPrompt.For(TitrationSchedule.Evaluate(Titrated(CowsBelow13), Day(8), [Cows(Day(6), 14)], Utc), "r1"));
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
