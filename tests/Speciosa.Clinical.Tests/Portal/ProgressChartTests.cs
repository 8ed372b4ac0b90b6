using Speciosa.Clinical.Portal;
using Xunit;

namespace Speciosa.Clinical.Tests.Portal;

/// <summary>Issue 14 item 4: the patient's own chart places scores in time and height, and the expected peak as a band.</summary>
public sealed class ProgressChartTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(10);

    [Fact]
    public void The_first_day_is_at_the_left_edge_the_last_at_the_right_and_zero_at_the_bottom()
    {
        var placed = ProgressChart.Place([new ScorePoint(To, 64), new ScorePoint(From, 0)], From, To, 64);
        Assert.Equal(ProgressChart.Left, placed[0].X, 6);
        Assert.Equal(ProgressChart.Height - ProgressChart.Bottom, placed[0].Y, 6);
        Assert.Equal(ProgressChart.Width - ProgressChart.Right, placed[1].X, 6);
        Assert.Equal(ProgressChart.Top, placed[1].Y, 6);
    }

    [Fact]
    public void Scores_outside_the_period_are_left_out_and_scores_above_the_maximum_stay_on_the_chart()
    {
        var placed = ProgressChart.Place([new ScorePoint(From.AddTicks(-1), 5), new ScorePoint(To.AddTicks(1), 5), new ScorePoint(From.AddDays(5), 99)], From, To, 64);
        Assert.Equal(ProgressChart.Top, Assert.Single(placed).Y, 6);
    }

    [Fact]
    public void The_expected_peak_band_is_cut_to_the_chart_and_absent_when_outside_it()
    {
        var band = ProgressChart.Band(From.AddDays(-3), From.AddDays(5), From, To)!;
        Assert.Equal(ProgressChart.Left, band.X1, 6);
        Assert.Equal(ProgressChart.X(From.AddDays(5), From, To), band.X2, 6);
        Assert.Null(ProgressChart.Band(To.AddDays(1), To.AddDays(2), From, To));
        Assert.Throws<ArgumentException>(() => ProgressChart.Place([], To, From, 64));
    }
}
