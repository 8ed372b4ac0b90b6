using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Xunit;
using static Speciosa.Clinical.Tests.Regimens.Regimens;

namespace Speciosa.Clinical.Tests.Regimens;

/// <summary>Issue 13 part 4 (clinical audit section 3 item 4): the monitoring window after a kratom taper reaches zero, over
/// kratom's own expected course (onset 12-24 h, peak to 72 h, acute end to 168 h, all UNCONFIRMED), checks at the window
/// edges, and the withdrawal-emerged alert from the COWS mild band (5, Wesson &amp; Ling 2003).</summary>
public sealed class PostTaperMonitoringTests
{
    /// <summary>Taper 4 g, 2 g, then 0 g from day 10.</summary>
    private static readonly TaperCalendar Taper = new([new(Day(1), 4m), new(Day(5), 2m), new(Day(10), 0m)]);

    private static readonly DateTimeOffset LastDose = At(Day(9), 20);

    private static PostTaperWindow Window(DateTimeOffset now, params ScoreReading[] readings) =>
        PostTaperMonitoring.Window(Taper, LastDose, readings, now, Utc)!;

    private static ScoreReading CowsAt(double hoursAfterLastDose, int total) =>
        new(WithdrawalScale.Cows, LastDose.AddHours(hoursAfterLastDose), total, ScoreRater.Staff);

    private static ScoreReading SowsAt(double hoursAfterLastDose, int total) =>
        new(WithdrawalScale.Sows, LastDose.AddHours(hoursAfterLastDose), total, ScoreRater.Patient);

    [Fact]
    public void A_taper_that_does_not_end_at_zero_or_whose_zero_day_is_ahead_has_no_window()
    {
        var notToZero = new TaperCalendar([new(Day(1), 4m), new(Day(5), 2m)]);

        Assert.Null(PostTaperMonitoring.Window(notToZero, LastDose, [], At(Day(20)), Utc));
        Assert.Null(PostTaperMonitoring.Window(Taper, LastDose, [], At(Day(9), 23), Utc));
        Assert.Null(PostTaperMonitoring.Window(null, LastDose, [], At(Day(20)), Utc));
        Assert.NotNull(PostTaperMonitoring.Window(Taper, LastDose, [], At(Day(10), 0), Utc));
    }

    [Fact]
    public void The_window_runs_from_the_last_dose_to_the_expected_end_of_acute_kratom_withdrawal_168_h_unconfirmed()
    {
        var window = Window(At(Day(10)));

        Assert.Equal(Day(10), window.ZeroDay);
        Assert.Equal(LastDose, window.LastUse);
        Assert.StartsWith("last logged dose", window.LastUseBasis, StringComparison.Ordinal);
        Assert.Equal(LastDose.AddHours(168), window.End);
        Assert.True(window.Course.Class.Unconfirmed);
    }

    [Fact]
    public void Without_a_dose_since_the_day_before_zero_the_window_starts_at_the_zero_day()
    {
        var window = PostTaperMonitoring.Window(Taper, At(Day(7)), [], At(Day(10), 12), Utc)!;

        Assert.Equal(At(Day(10), 0), window.LastUse);
        Assert.Contains("no dose logged", window.LastUseBasis, StringComparison.Ordinal);
        Assert.Equal(At(Day(10), 0), PostTaperMonitoring.Window(Taper, null, [], At(Day(10), 12), Utc)!.LastUse);
    }

    [Fact]
    public void The_window_starts_at_midnight_of_the_zero_day_in_the_clinic_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");

        var window = PostTaperMonitoring.Window(Taper, null, [], At(Day(11)), zone)!;

        Assert.Equal(new DateTimeOffset(Day(10).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-5)), window.LastUse);
    }

    [Fact]
    public void Checks_fall_at_the_end_of_the_expected_onset_peak_and_acute_withdrawal_24_72_168_h()
    {
        var window = Window(At(Day(10)));

        Assert.Equal([24d, 72d, 168d], window.Checks.Select(c => (c.DueAt - LastDose).TotalHours));
        Assert.All(window.Checks, c => Assert.Equal(PostTaperCheckState.Upcoming, c.State));
    }

    [Theory]
    [InlineData(24, PostTaperCheckState.Upcoming)]
    [InlineData(24.01, PostTaperCheckState.Overdue)]
    public void A_check_is_overdue_only_after_its_due_time(double hoursNow, PostTaperCheckState expected) =>
        Assert.Equal(expected, Window(LastDose.AddHours(hoursNow)).Checks[0].State);

    [Fact]
    public void A_reading_up_to_the_due_time_does_the_check_and_one_at_the_last_use_does_not()
    {
        Assert.Equal(PostTaperCheckState.Done, Window(LastDose.AddHours(30), CowsAt(24, 2)).Checks[0].State);
        Assert.Equal(PostTaperCheckState.Overdue, Window(LastDose.AddHours(30), CowsAt(0, 2)).Checks[0].State);
    }

    [Fact]
    public void A_late_reading_does_the_missed_check_late_and_does_not_also_count_for_the_next()
    {
        var window = Window(LastDose.AddHours(80), SowsAt(30, 3));

        Assert.Equal(PostTaperCheckState.DoneLate, window.Checks[0].State);
        Assert.Equal(PostTaperCheckState.Overdue, window.Checks[1].State);
    }

    [Fact]
    public void The_latest_overdue_check_alerts_once_with_its_due_time_and_clears_when_a_reading_arrives()
    {
        var overdue = PostTaperMonitoring.Evaluate(Window(LastDose.AddHours(25)), "r1", LastDose.AddHours(25), null);
        var alert = Assert.Single(overdue);
        Assert.Equal("dosing.post-taper-check-due", alert.Rule.Id);
        Assert.Equal("dosing:post-taper-check:r1:1", alert.ConditionKey);
        Assert.Contains("UNCONFIRMED", alert.Threshold, StringComparison.Ordinal);
        Assert.True(alert.Rule.Source.Unconfirmed);

        Assert.Empty(PostTaperMonitoring.Evaluate(Window(LastDose.AddHours(26), SowsAt(25.5, 1)), "r1", LastDose.AddHours(26), null));
    }

    [Fact]
    public void When_a_later_check_falls_due_only_that_one_alerts()
    {
        var alerts = PostTaperMonitoring.Evaluate(Window(LastDose.AddHours(73)), "r1", LastDose.AddHours(73), null);

        Assert.Equal("dosing:post-taper-check:r1:2", Assert.Single(alerts).ConditionKey);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Withdrawal_emerges_from_COWS_5_the_start_of_the_mild_band_Wesson_Ling_2003(int total, bool raised)
    {
        var now = LastDose.AddHours(20);
        var alerts = PostTaperMonitoring.Evaluate(Window(now, CowsAt(18, total)), "r1", now, null);

        Assert.Equal(raised, alerts.Any(a => a.Rule == PostTaperMonitoring.WithdrawalEmerged));
    }

    [Fact]
    public void The_emerged_alert_names_the_reading_the_hours_the_threshold_and_asks_for_review_not_a_dose()
    {
        var now = LastDose.AddHours(20);
        var alert = PostTaperMonitoring.Evaluate(Window(now, CowsAt(18, 9)), "r1", now, null).Single(a => a.Rule == PostTaperMonitoring.WithdrawalEmerged);

        Assert.Equal("dosing:post-taper-withdrawal:r1", alert.ConditionKey);
        Assert.Equal(AlertSeverity.Warning, alert.Rule.Severity);
        Assert.Contains(alert.Inputs, i => i.Name == "Reading" && i.Value.StartsWith("COWS 9", StringComparison.Ordinal));
        Assert.Contains(alert.Inputs, i => i.Name == "Hours after last use" && i.Value == "18");
        Assert.Contains(alert.Inputs, i => i.Value.Contains("off-label", StringComparison.Ordinal));
        Assert.StartsWith("COWS total ≥ 5", alert.Threshold, StringComparison.Ordinal);
        Assert.Contains("buprenorphine", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+(\.\d+)? ?(g|mg)\b", alert.Message);
    }

    [Theory]
    [InlineData(null, 40, false)]
    [InlineData(10, 9, false)]
    [InlineData(10, 10, true)]
    public void SOWS_counts_only_from_the_clinic_figure_because_SOWS_has_no_validated_bands(int? clinicFigure, int sows, bool raised)
    {
        var now = LastDose.AddHours(30);
        var alerts = PostTaperMonitoring.Evaluate(Window(now, SowsAt(20, sows)), "r1", now, clinicFigure);

        Assert.Equal(raised, alerts.Any(a => a.Rule == PostTaperMonitoring.WithdrawalEmerged));
    }

    [Theory]
    [InlineData(168, true)]
    [InlineData(168.5, false)]
    public void Only_readings_inside_the_window_count_up_to_its_end(double hours, bool raised)
    {
        var now = LastDose.AddHours(200);
        var alerts = PostTaperMonitoring.Evaluate(Window(now, CowsAt(hours, 12)), "r1", now, null);

        Assert.Equal(raised, alerts.Any(a => a.Rule == PostTaperMonitoring.WithdrawalEmerged));
    }

    [Fact]
    public void A_reading_before_the_last_dose_does_not_count()
    {
        var now = LastDose.AddHours(10);
        Assert.Empty(PostTaperMonitoring.Evaluate(Window(now, CowsAt(-1, 20)), "r1", now, null));
    }
}
