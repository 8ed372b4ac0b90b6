using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Withdrawal;
using Speciosa.Clinical.Withdrawal.Course;
using Speciosa.Clinical.Withdrawal.Instruments;
using Xunit;

namespace Speciosa.Clinical.Tests.Withdrawal;

public sealed class WithdrawalAlertsTests
{
    private const string Episode = "episode-1";
    private static readonly DateTimeOffset LastUse = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly InstrumentDefinition Cows = InstrumentCatalog.Default.Get(InstrumentCatalog.CowsId);
    private static readonly ExpectedCourse ShortActing =
        ExpectedCourse.From(WithdrawalCourseCatalog.Default.FindClass("short-acting")!, LastUse);

    // Just inside the onset window, so no time-based rule can fire.
    private static readonly DateTimeOffset EarlyInEpisode = LastUse.AddHours(8);

    private static InstrumentScore CowsTotal(int total) => InstrumentScorer.Score(Cows, Answers.WithTotal(Cows, total)).Score!;

    private static IEnumerable<string> RuleIds(IReadOnlyList<Alert> alerts) => alerts.Select(a => a.Rule.Id);

    [Fact]
    public void Rule_thresholds_match_the_cows_band_data()
    {
        Assert.Equal(WithdrawalAlertRules.CowsSevereAbove + 1, Cows.Bands.Single(b => b.Label == "severe").Min);
        Assert.Equal(WithdrawalAlertRules.CowsModeratelySevereFrom, Cows.Bands.Single(b => b.Label == "moderately severe").Min);
        Assert.Equal(WithdrawalAlertRules.CowsModerateFrom, Cows.Bands.Single(b => b.Label == "moderate").Min);
    }

    [Fact]
    public void Every_rule_has_an_id_a_version_and_a_source()
    {
        Assert.Equal(4, WithdrawalAlertRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(WithdrawalAlertRules.All, r =>
        {
            Assert.True(r.Version >= 1);
            Assert.False(string.IsNullOrWhiteSpace(r.Source.Citation));
        });
    }

    [Fact]
    public void Cows_36_raises_no_severe_alert_and_37_does()
    {
        Assert.DoesNotContain(WithdrawalAlertRules.CowsSevere.Id, RuleIds(WithdrawalAlerts.Evaluate(Episode, CowsTotal(36), EarlyInEpisode, ShortActing)));

        var alert = Assert.Single(WithdrawalAlerts.Evaluate(Episode, CowsTotal(37), EarlyInEpisode, ShortActing));
        Assert.Equal(WithdrawalAlertRules.CowsSevere, alert.Rule);
        Assert.Equal("episode-1/withdrawal.cows-severe", alert.ConditionKey);
        Assert.Equal("COWS total > 36", alert.Threshold);
        Assert.Contains(new AlertInput("COWS total", "37"), alert.Inputs);
        Assert.Contains(new AlertInput("Instrument", "cows v1"), alert.Inputs);
    }

    [Fact]
    public void Severe_alert_needs_no_expected_course()
    {
        Assert.Equal([WithdrawalAlertRules.CowsSevere.Id], RuleIds(WithdrawalAlerts.Evaluate(Episode, CowsTotal(48), EarlyInEpisode, null)));
    }

    [Fact]
    public void Cows_25_at_the_end_of_the_peak_window_raises_only_the_prompt_and_a_minute_later_the_after_peak_rule_too()
    {
        var peakEnd = ShortActing.Peak!.To;
        Assert.Equal([WithdrawalAlertRules.CowsModeratelySevere.Id], RuleIds(WithdrawalAlerts.Evaluate(Episode, CowsTotal(25), peakEnd, ShortActing)));

        var alert = Assert.Single(WithdrawalAlerts.Evaluate(Episode, CowsTotal(25), peakEnd.AddMinutes(1), ShortActing),
            a => a.Rule != WithdrawalAlertRules.CowsModeratelySevere);
        Assert.Equal(WithdrawalAlertRules.CowsModeratelySevereAfterPeak, alert.Rule);
        Assert.Equal("COWS total ≥ 25 after 72 h from last use", alert.Threshold);
        Assert.Contains(alert.Inputs, i => i.Name == "Expected peak window ends" && i.Value == peakEnd.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cows_24_after_the_peak_window_raises_no_alert()
    {
        Assert.Empty(WithdrawalAlerts.Evaluate(Episode, CowsTotal(24), ShortActing.Peak!.To.AddHours(1), ShortActing));
    }

    [Fact]
    public void Cows_13_at_the_latest_expected_end_raises_nothing_and_a_minute_later_it_does()
    {
        var end = ShortActing.AcuteEnd!.To;
        Assert.Empty(WithdrawalAlerts.Evaluate(Episode, CowsTotal(13), end, ShortActing));

        var alert = Assert.Single(WithdrawalAlerts.Evaluate(Episode, CowsTotal(13), end.AddMinutes(1), ShortActing));
        Assert.Equal(WithdrawalAlertRules.CowsModeratePastDuration, alert.Rule);
        Assert.Equal("episode-1/withdrawal.cows-moderate-past-duration", alert.ConditionKey);
    }

    [Fact]
    public void Cows_12_past_the_expected_duration_raises_no_alert()
    {
        Assert.Empty(WithdrawalAlerts.Evaluate(Episode, CowsTotal(12), ShortActing.AcuteEnd!.To.AddDays(1), ShortActing));
    }

    [Fact]
    public void Severe_withdrawal_past_the_expected_duration_raises_the_severe_and_both_course_rules_but_not_the_moderately_severe_prompt()
    {
        var alerts = WithdrawalAlerts.Evaluate(Episode, CowsTotal(40), ShortActing.AcuteEnd!.To.AddHours(1), ShortActing);
        Assert.Equal(WithdrawalAlertRules.All.Where(r => r != WithdrawalAlertRules.CowsModeratelySevere).Select(r => r.Id), RuleIds(alerts));
    }

    // Wesson & Ling 2003 bands: 25-36 moderately severe, > 36 severe. The prompt fires on 25-36 with or without a course (audit E17).
    [Theory]
    [InlineData(24, false)]
    [InlineData(25, true)]
    [InlineData(36, true)]
    [InlineData(37, false)]
    public void Cows_25_to_36_raises_the_moderately_severe_prompt_whatever_the_course_Wesson_and_Ling_2003(int total, bool raised)
    {
        var withoutCourse = WithdrawalAlerts.Evaluate(Episode, CowsTotal(total), EarlyInEpisode, null);
        var earlyInCourse = WithdrawalAlerts.Evaluate(Episode, CowsTotal(total), EarlyInEpisode, ShortActing);

        Assert.Equal(raised, withoutCourse.Any(a => a.Rule == WithdrawalAlertRules.CowsModeratelySevere));
        Assert.Equal(raised, earlyInCourse.Any(a => a.Rule == WithdrawalAlertRules.CowsModeratelySevere));
        if (raised)
        {
            var alert = withoutCourse.Single(a => a.Rule == WithdrawalAlertRules.CowsModeratelySevere);
            Assert.Equal("episode-1/withdrawal.cows-moderately-severe", alert.ConditionKey);
            Assert.Contains("Wesson & Ling 2003", alert.Rule.Source.Citation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Extended_release_has_no_peak_so_only_the_duration_rule_can_fire_and_says_its_figures_are_unconfirmed()
    {
        var er = ExpectedCourse.From(WithdrawalCourseCatalog.Default.FindClass("extended-release")!, LastUse);
        var alert = Assert.Single(WithdrawalAlerts.Evaluate(Episode, CowsTotal(20), er.AcuteEnd!.To.AddHours(1), er));
        Assert.Equal(WithdrawalAlertRules.CowsModeratePastDuration, alert.Rule);
        Assert.Contains("unconfirmed", alert.Message, StringComparison.Ordinal);
        Assert.Contains(alert.Inputs, i => i.Name == "Course figures" && i.Value.EndsWith("(UNCONFIRMED)", StringComparison.Ordinal));
    }

    [Fact]
    public void Illicit_fentanyl_has_no_figures_so_no_time_based_alert_fires()
    {
        var fentanyl = ExpectedCourse.From(WithdrawalCourseCatalog.Default.FindClass("fentanyl-illicit")!, LastUse);
        Assert.Empty(WithdrawalAlerts.Evaluate(Episode, CowsTotal(20), LastUse.AddDays(30), fentanyl));
    }

    [Fact]
    public void Sows_scores_raise_no_cows_alerts()
    {
        var sows = InstrumentCatalog.Default.Get(InstrumentCatalog.SowsHandelsmanId);
        var score = InstrumentScorer.Score(sows, Answers.AllMaximum(sows)).Score!;
        Assert.Empty(WithdrawalAlerts.Evaluate(Episode, score, LastUse.AddDays(30), ShortActing));
    }
}
