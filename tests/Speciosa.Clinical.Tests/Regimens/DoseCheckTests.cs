using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

public class DoseCheckTests
{
    private static readonly DoseLot Released = new("LOT-1", LotStatus.Released);

    private static DoseRecord Staff(DateOnly day, decimal grams, int hour = 9) => new(At(day, hour), grams, "LOT-1", DoseSource.StaffGiven);

    private static DoseRecord Patient(DateOnly day, decimal grams, int hour = 9) => new(At(day, hour), grams, "LOT-1", DoseSource.PatientReported);

    private static DoseCheckResult Check(RegimenOrder order, DoseRecord dose, DoseLot? lot = null, params DoseRecord[] others) =>
        DoseCheck.Evaluate(order, dose, others, lot ?? Released, Utc);

    private static IEnumerable<AlertRule> Rules(DoseCheckResult result) => result.Alerts.Select(a => a.Rule);

    [Fact]
    public void A_dose_within_the_order_is_accepted_without_alerts()
    {
        var result = Check(Order(), Staff(Day(5), 2m));

        Assert.Empty(result.Alerts);
        Assert.Equal(DoseDisposition.Accept, result.Disposition);
    }

    [Fact]
    public void A_dose_exactly_at_the_per_dose_maximum_is_within_the_order()
    {
        Assert.Empty(Check(Order(), Staff(Day(5), 2m)).Alerts);
    }

    [Fact]
    public void A_dose_just_above_the_per_dose_maximum_is_flagged_with_its_threshold_and_source()
    {
        var result = Check(Order(), Staff(Day(5), 2.01m));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DosingAlertRules.AbovePerDoseMaximum, alert.Rule);
        Assert.Equal("dose ≤ 2 g", alert.Threshold);
        Assert.Equal("clinic-policy", alert.Rule.Source.Id);
        Assert.Contains("2.01 g is above the 2 g per administration set by the order", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_total_exactly_at_the_daily_maximum_is_within_the_order()
    {
        var result = Check(Order(2m, 5m), Staff(Day(5), 1m, 18), null, Staff(Day(5), 2m, 8), Staff(Day(5), 2m, 12));

        Assert.Equal(5m, result.DayGramsIncludingThisDose);
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void A_day_total_just_above_the_daily_maximum_is_flagged()
    {
        var result = Check(Order(2m, 5m), Staff(Day(5), 1.25m, 18), null, Staff(Day(5), 2m, 8), Staff(Day(5), 2m, 12));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DosingAlertRules.AboveDailyMaximum, alert.Rule);
        Assert.Equal("dosing:daily-max:2026-03-05", alert.ConditionKey);
        Assert.Contains(alert.Inputs, i => i.Name == "Earlier that day" && i.Value == "4 g in 2 doses");
    }

    [Fact]
    public void Doses_on_other_days_do_not_count_towards_the_day()
    {
        var result = Check(Order(), Staff(Day(5), 2m), null, Staff(Day(4), 2m, 8), Staff(Day(4), 2m, 12), Staff(Day(6), 2m, 8));

        Assert.Equal(1, result.DayAdministrationsIncludingThisDose);
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void The_third_administration_is_allowed_by_the_clinic_default_and_the_fourth_is_not()
    {
        var order = Order(1m, 10m);
        Assert.Equal(3, order.MaxAdministrationsPerDay);

        var third = Check(order, Staff(Day(5), 1m, 16), null, Staff(Day(5), 1m, 8), Staff(Day(5), 1m, 12));
        var fourth = Check(order, Staff(Day(5), 1m, 20), null, Staff(Day(5), 1m, 8), Staff(Day(5), 1m, 12), Staff(Day(5), 1m, 16));

        Assert.Empty(third.Alerts);
        Assert.Equal([DosingAlertRules.TooManyAdministrations], Rules(fourth));
    }

    [Fact]
    public void The_maximum_administrations_are_configurable_per_order()
    {
        var order = Order(1m, 10m) with { MaxAdministrationsPerDay = 2 };

        var result = Check(order, Staff(Day(5), 1m, 16), null, Staff(Day(5), 1m, 8), Staff(Day(5), 1m, 12));

        Assert.Equal([DosingAlertRules.TooManyAdministrations], Rules(result));
    }

    [Fact]
    public void Doses_on_the_first_and_last_day_of_a_planned_break_are_flagged_and_the_days_beside_it_are_not()
    {
        var order = Order() with { Breaks = [new PlannedBreak(Day(10), Day(12), "hospital stay")] };

        Assert.Empty(Check(order, Staff(Day(9), 2m)).Alerts);
        Assert.Equal([DosingAlertRules.DuringPlannedBreak], Rules(Check(order, Staff(Day(10), 2m))));
        Assert.Equal([DosingAlertRules.DuringPlannedBreak], Rules(Check(order, Staff(Day(12), 2m))));
        Assert.Empty(Check(order, Staff(Day(13), 2m)).Alerts);
        Assert.Contains("2026-03-10 to 2026-03-12 (hospital stay)", Check(order, Staff(Day(11), 2m)).Alerts[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Doses_on_the_regimen_start_and_end_days_are_within_it_and_the_days_beside_are_not()
    {
        var order = Order();

        Assert.Equal([DosingAlertRules.OutsideRegimenDates], Rules(Check(order, Staff(new DateOnly(2026, 2, 28), 2m))));
        Assert.Empty(Check(order, Staff(new DateOnly(2026, 3, 1), 2m)).Alerts);
        Assert.Empty(Check(order, Staff(new DateOnly(2026, 3, 31), 2m)).Alerts);
        Assert.Equal([DosingAlertRules.OutsideRegimenDates], Rules(Check(order, Staff(new DateOnly(2026, 4, 1), 2m))));
    }

    [Fact]
    public void An_open_ended_regimen_covers_every_day_from_its_start()
    {
        var order = Order() with { EndDate = null };

        Assert.Empty(Check(order, Staff(new DateOnly(2027, 1, 1), 2m)).Alerts);
    }

    [Fact]
    public void The_clinic_day_follows_the_clinic_time_zone_not_utc()
    {
        var clinic = TimeZoneInfo.CreateCustomTimeZone("clinic-minus-5", TimeSpan.FromHours(-5), "clinic", "clinic");
        var lateEvening = new DateOnly(2026, 3, 31).ToDateTime(new TimeOnly(23, 30));
        var utcNextDay = new DateTimeOffset(lateEvening, TimeSpan.FromHours(-5)).ToUniversalTime();

        var result = DoseCheck.Evaluate(Order(), new DoseRecord(utcNextDay, 2m, "LOT-1", DoseSource.StaffGiven), [], Released, clinic);

        Assert.Equal(new DateOnly(2026, 4, 1), ClinicDay.Of(utcNextDay, TimeZoneInfo.Utc));
        Assert.Equal(new DateOnly(2026, 3, 31), result.Limits.Day);
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void A_recalled_lot_raises_a_critical_alert()
    {
        var result = Check(Order(), Staff(Day(5), 2m), new DoseLot("LOT-1", LotStatus.Recalled));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal(DosingAlertRules.LotRecalled, alert.Rule);
        Assert.Equal(AlertSeverity.Critical, alert.Rule.Severity);
    }

    [Fact]
    public void A_lot_not_released_is_flagged()
    {
        Assert.Equal([DosingAlertRules.LotNotReleased], Rules(Check(Order(), Staff(Day(5), 2m), new DoseLot("LOT-1", LotStatus.NotReleased))));
    }

    [Fact]
    public void A_released_lot_other_than_the_ordered_one_is_flagged_and_any_released_lot_is_fine_without_one()
    {
        var ordered = Order() with { OrderedLotId = "LOT-7" };

        Assert.Equal([DosingAlertRules.LotNotOrdered], Rules(Check(ordered, Staff(Day(5), 2m))));
        Assert.Empty(Check(ordered, Staff(Day(5), 2m), new DoseLot("LOT-7", LotStatus.Released)).Alerts);
        Assert.Empty(Check(Order(), Staff(Day(5), 2m), new DoseLot("LOT-9", LotStatus.Released)).Alerts);
    }

    [Fact]
    public void An_unknown_lot_on_a_patient_report_skips_the_lot_checks()
    {
        var result = DoseCheck.Evaluate(Order(), Patient(Day(5), 2m) with { LotId = null }, [], null, Utc);

        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void A_staff_dose_that_breaks_the_order_is_refused_with_every_reason()
    {
        var order = Order() with { Breaks = [new PlannedBreak(Day(10), Day(10))] };

        var result = Check(order, Staff(Day(10), 3m), new DoseLot("LOT-1", LotStatus.Recalled));

        Assert.Equal(DoseDisposition.Refuse, result.Disposition);
        Assert.Equal(3, result.Reasons.Count);
        Assert.Equal(
            [DosingAlertRules.DuringPlannedBreak, DosingAlertRules.AbovePerDoseMaximum, DosingAlertRules.LotRecalled],
            Rules(result));
    }

    [Fact]
    public void A_patient_report_that_breaks_the_order_is_stored_and_alerts()
    {
        var result = Check(Order(), Patient(Day(5), 5m));

        Assert.Equal(DoseDisposition.StoreAndAlert, result.Disposition);
        Assert.Contains("reported by the patient", result.Alerts[0].Inputs[0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_per_dose_limit_follows_only_a_titration_step_a_clinician_confirmed()
    {
        var order = Order(1m, 10m) with { Titration = TitrationPlan.Uniform(1m, 0.5m, 3, 2m) };
        var confirmed = new[] { Confirm(1, 1.5m, Day(4), hour: 8) };

        Assert.Equal([DosingAlertRules.AbovePerDoseMaximum], Rules(Check(order, Staff(Day(4), 1.5m))));
        var after = DoseCheck.Evaluate(order, Staff(Day(4), 1.5m), [], Released, Utc, [], confirmed);
        Assert.Empty(after.Alerts);
        Assert.Equal("titration step 1, confirmed by the clinician for 2026-03-04", after.Limits.GramsPerAdministrationBasis);
    }

    [Fact]
    public void A_met_hold_keeps_the_previous_per_dose_limit_until_a_clinician_confirms_the_step()
    {
        var hold = new ScoreCondition(WithdrawalScale.Cows, ScoreComparison.LessThan, 13);
        var order = Order(1m, 10m) with { Titration = TitrationPlan.Uniform(1m, 0.5m, 3, 2m, hold) };

        var held = DoseCheck.Evaluate(order, Staff(Day(4), 1.5m), [], Released, Utc, [Cows(Day(4), 14)]);
        var metUnconfirmed = DoseCheck.Evaluate(order, Staff(Day(4), 1.5m, 12), [], Released, Utc, [Cows(Day(4), 9)]);
        var confirmed = DoseCheck.Evaluate(order, Staff(Day(4), 1.5m, 12), [], Released, Utc, [Cows(Day(4), 9)], [Confirm(1, 1.5m, Day(4))]);

        Assert.Equal([DosingAlertRules.AbovePerDoseMaximum], Rules(held));
        Assert.Equal([DosingAlertRules.AbovePerDoseMaximum], Rules(metUnconfirmed));
        Assert.Empty(confirmed.Alerts);
    }

    [Fact]
    public void During_a_taper_the_daily_maximum_is_the_calendar_figure_at_and_beside_it()
    {
        var taper = TaperPlanner.Plan(new TaperSettings(TaperMethod.PercentOfStartingDose, Day(15), 6m, 0.5m, 0.5m));
        var order = Order(2m, 6m) with { Taper = taper };

        Assert.Empty(Check(order, Staff(Day(14), 2m, 18), null, Staff(Day(14), 2m, 8), Staff(Day(14), 2m, 12)).Alerts);
        Assert.Empty(Check(order, Staff(Day(15), 1m, 12), null, Staff(Day(15), 2m, 8)).Alerts);
        var above = Check(order, Staff(Day(15), 1.5m, 12), null, Staff(Day(15), 2m, 8));
        var stopped = Check(order, Staff(Day(22), 0.5m));

        Assert.Equal([DosingAlertRules.AboveDailyMaximum], Rules(above));
        Assert.Equal("taper calendar from 2026-03-15", above.Limits.MaxGramsPerDayBasis);
        Assert.Equal([DosingAlertRules.AboveDailyMaximum], Rules(stopped));
    }

    [Fact]
    public void Every_dosing_rule_has_an_id_a_version_and_a_source()
    {
        Assert.All(DosingAlertRules.All, r =>
        {
            Assert.StartsWith("dosing.", r.Id, StringComparison.Ordinal);
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.Source.Citation));
        });
        Assert.Equal(DosingAlertRules.All.Count, DosingAlertRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
