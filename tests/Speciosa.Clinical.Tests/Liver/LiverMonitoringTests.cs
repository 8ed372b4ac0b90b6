using Speciosa.Clinical.Liver;
using Xunit;

namespace Speciosa.Clinical.Tests.Liver;

/// <summary>The monitoring schedule: the first panel on a kratom regimen is due 2 weeks after starting (median latency of
/// kratom liver injury 14 days, DILIN, Ahmad 2021; audit E14), then every configured interval.</summary>
public class LiverMonitoringTests
{
    private static readonly DateTimeOffset Start = Lab.Day0;

    private static IReadOnlyList<(DateTimeOffset, bool)> Baseline => [(Start.AddDays(-1), true)];

    private static bool Overdue(IReadOnlyList<(DateTimeOffset, bool)> panels, DateTimeOffset now, int firstWeeks = 2) =>
        LiverMonitoring.Evaluate(Start, panels, everyWeeks: 4, now, firstWeeks).Any(a => a.Rule == LiverMonitoring.PanelOverdue);

    [Fact]
    public void The_first_panel_is_due_exactly_two_weeks_after_starting_and_overdue_a_minute_later_DILIN_median_latency_14_days()
    {
        Assert.False(Overdue(Baseline, Start.AddDays(14)));
        var alert = Assert.Single(LiverMonitoring.Evaluate(Start, Baseline, 4, Start.AddDays(14).AddMinutes(1)));
        Assert.Equal(LiverMonitoring.PanelOverdue, alert.Rule);
        Assert.Equal(2, alert.Rule.Version);
        Assert.Contains("14 days", alert.Message, StringComparison.Ordinal);
        Assert.Contains("DILIN", alert.Rule.Source.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_panel_weeks_are_configuration()
    {
        Assert.False(Overdue(Baseline, Start.AddDays(20), firstWeeks: 3));
        Assert.True(Overdue(Baseline, Start.AddDays(22), firstWeeks: 3));
    }

    [Fact]
    public void A_baseline_flagged_panel_does_not_stand_for_the_first_panel_on_the_regimen()
    {
        Assert.True(Overdue([(Start.AddDays(1), true)], Start.AddDays(15)));
    }

    [Fact]
    public void After_the_first_panel_the_interval_applies()
    {
        IReadOnlyList<(DateTimeOffset, bool)> panels = [.. Baseline, (Start.AddDays(13), false)];

        Assert.False(Overdue(panels, Start.AddDays(13 + 28)));
        Assert.True(Overdue(panels, Start.AddDays(13 + 28).AddMinutes(1)));
    }
}
