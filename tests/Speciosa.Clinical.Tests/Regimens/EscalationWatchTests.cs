using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

public class EscalationWatchTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 30);

    private static readonly EscalationSettings Grams25 = new(EscalationMeasure.GramsPerDay, 0.25m, DailyUseWeeksWithoutTaper: 4);

    private static DoseRecord Dose(DateOnly day, decimal grams, int hour = 9) => new(At(day, hour), grams, "LOT-1", DoseSource.PatientReported);

    /// <summary>One dose a day of <paramref name="grams"/> from asOf − <paramref name="fromDaysBack"/> to asOf − <paramref name="toDaysBack"/>.</summary>
    private static IEnumerable<DoseRecord> Daily(int fromDaysBack, int toDaysBack, decimal grams) =>
        Enumerable.Range(toDaysBack, fromDaysBack - toDaysBack + 1).Select(back => Dose(AsOf.AddDays(-back), grams));

    private static EscalationReview Review(IEnumerable<DoseRecord> doses, EscalationSettings? settings = null, bool hasTaperPlan = true) =>
        EscalationWatch.Review(doses.ToList(), AsOf, hasTaperPlan, settings ?? Grams25, Utc);

    [Fact]
    public void The_latest_window_is_the_seven_days_ending_on_the_review_day_and_the_earlier_one_ends_fourteen_days_before()
    {
        var review = Review([]);

        Assert.Equal((AsOf.AddDays(-6), AsOf), (review.Latest.FirstDay, review.Latest.LastDay));
        Assert.Equal((AsOf.AddDays(-20), AsOf.AddDays(-14)), (review.Earlier.FirstDay, review.Earlier.LastDay));
    }

    [Fact]
    public void Doses_count_in_a_window_on_its_first_and_last_days_and_not_on_the_days_beside_it()
    {
        var review = Review([
            Dose(AsOf.AddDays(1), 70m), Dose(AsOf, 7m), Dose(AsOf.AddDays(-6), 7m), Dose(AsOf.AddDays(-7), 70m),
            Dose(AsOf.AddDays(-13), 70m), Dose(AsOf.AddDays(-14), 7m), Dose(AsOf.AddDays(-20), 7m), Dose(AsOf.AddDays(-21), 70m),
        ]);

        Assert.Equal(2m, review.Latest.MeanPerDay);
        Assert.Equal(2m, review.Earlier.MeanPerDay);
        Assert.Equal(0m, review.Rise);
    }

    [Fact]
    public void A_rise_exactly_at_the_configured_share_does_not_alert()
    {
        var review = Review(Daily(20, 14, 4m).Concat(Daily(6, 0, 5m)));

        Assert.Equal(0.25m, review.Rise);
        Assert.Empty(review.Alerts);
    }

    [Fact]
    public void A_rise_just_above_the_configured_share_alerts_as_clinic_configuration()
    {
        var review = Review(Daily(20, 14, 4m).Concat(Daily(6, 1, 5m)).Append(Dose(AsOf, 5.07m)));

        var alert = Assert.Single(review.Alerts);
        Assert.Equal(DosingAlertRules.Escalation, alert.Rule);
        Assert.True(alert.Rule.Source.Unconfirmed);
        Assert.Equal("rise ≤ 25% (clinic configuration)", alert.Threshold);
        Assert.Contains("rose 25.25% in 14 days", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_the_clinic_left_empty_says_software_default_not_a_clinic_decision_in_the_threshold_and_message()
    {
        var defaults = Grams25 with { RiseShareIsSoftwareDefault = true, DailyUseWeeksIsSoftwareDefault = true };

        var rise = Assert.Single(Review(Daily(20, 14, 4m).Concat(Daily(6, 0, 6m)), defaults).Alerts);
        var daily = Assert.Single(Review(Daily(40, 0, 1m), defaults, hasTaperPlan: false).Alerts, a => a.Rule == DosingAlertRules.DailyUseWithoutTaper);

        Assert.Equal("rise ≤ 25% (software default, not a clinic decision)", rise.Threshold);
        Assert.Contains("software default, not a clinic decision", rise.Message, StringComparison.Ordinal);
        Assert.Contains("software default, not a clinic decision", daily.Threshold, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_without_doses_count_as_zero_in_the_mean()
    {
        var review = Review(Daily(20, 14, 4m).Concat(Daily(6, 3, 7m)));

        Assert.Equal(4m, review.Latest.MeanPerDay);
        Assert.Equal(0m, review.Rise);
    }

    [Fact]
    public void With_no_use_in_the_earlier_window_there_is_no_baseline_and_no_alert()
    {
        var review = Review(Daily(6, 0, 5m));

        Assert.Null(review.Rise);
        Assert.Empty(review.Alerts);
    }

    [Fact]
    public void Doses_per_day_can_be_watched_instead_of_grams()
    {
        var settings = Grams25 with { Measure = EscalationMeasure.DosesPerDay };
        var earlier = Daily(20, 14, 2m).Concat(Daily(20, 14, 2m).Select(d => d with { TakenAt = d.TakenAt.AddHours(8) }));
        var latest = Daily(6, 0, 1m).SelectMany(d => new[] { d, d with { TakenAt = d.TakenAt.AddHours(4) }, d with { TakenAt = d.TakenAt.AddHours(8) } });

        var review = Review(earlier.Concat(latest), settings);

        Assert.Equal(2m, review.Earlier.MeanPerDay);
        Assert.Equal(3m, review.Latest.MeanPerDay);
        Assert.Equal("dosing:escalation:DosesPerDay", Assert.Single(review.Alerts).ConditionKey);
    }

    [Fact]
    public void Daily_use_for_exactly_the_configured_weeks_without_a_taper_plan_does_not_alert_and_one_more_day_does()
    {
        var atLimit = Review(Daily(27, 0, 2m), hasTaperPlan: false);
        var beyond = Review(Daily(28, 0, 2m), hasTaperPlan: false);

        Assert.Equal(28, atLimit.ConsecutiveDaysOfUse);
        Assert.Empty(atLimit.Alerts);
        Assert.Equal([DosingAlertRules.DailyUseWithoutTaper], beyond.Alerts.Select(a => a.Rule));
        Assert.True(beyond.Alerts[0].Rule.Source.Unconfirmed);
    }

    [Fact]
    public void Daily_use_with_a_taper_plan_does_not_alert()
    {
        Assert.Empty(Review(Daily(60, 0, 2m), hasTaperPlan: true).Alerts);
    }

    [Fact]
    public void A_day_without_a_dose_breaks_the_run_of_daily_use()
    {
        var review = Review(Daily(60, 11, 2m).Concat(Daily(9, 0, 2m)), hasTaperPlan: false);

        Assert.Equal(10, review.ConsecutiveDaysOfUse);
        Assert.Empty(review.Alerts);
    }

    [Fact]
    public void Settings_without_a_positive_threshold_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Review([], Grams25 with { RiseShare = 0m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Review([], Grams25 with { DailyUseWeeksWithoutTaper = 0 }));
    }
}
