namespace Speciosa.Clinical.Portal;

/// <summary>One score at a time, for the patient's own chart.</summary>
public sealed record ScorePoint(DateTimeOffset At, int Score);

/// <summary>A point placed on the chart (SVG user units; y grows downwards).</summary>
public sealed record PlacedPoint(double X, double Y, ScorePoint Point);

/// <summary>Where the chart's band for the expected strongest days falls (x from, x to), when it overlaps the chart.</summary>
public sealed record PlacedBand(double X1, double X2);

/// <summary>The layout of "My progress" (issue 14 item 4): scores over time from <c>from</c> to <c>to</c>, 0 at the bottom and the
/// instrument's maximum at the top, with the expected peak window as a band. No threshold or band line is drawn: patient pages
/// show no cut-offs. Pure: the web layer draws the SVG from these numbers.</summary>
public static class ProgressChart
{
    public const double Width = 320;
    public const double Height = 160;
    public const double Left = 28;
    public const double Bottom = 20;
    public const double Top = 8;
    public const double Right = 8;

    public static IReadOnlyList<PlacedPoint> Place(IReadOnlyList<ScorePoint> points, DateTimeOffset from, DateTimeOffset to, int max)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (to <= from)
        {
            throw new ArgumentException("The chart must end after it starts.", nameof(to));
        }

        return points.Where(p => p.At >= from && p.At <= to).OrderBy(p => p.At)
            .Select(p => new PlacedPoint(X(p.At, from, to), Y(Math.Clamp(p.Score, 0, max), max), p)).ToList();
    }

    public static PlacedBand? Band(DateTimeOffset bandFrom, DateTimeOffset bandTo, DateTimeOffset from, DateTimeOffset to)
    {
        var a = bandFrom < from ? from : bandFrom;
        var b = bandTo > to ? to : bandTo;
        return b <= a ? null : new PlacedBand(X(a, from, to), X(b, from, to));
    }

    public static double X(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to) =>
        Left + (Width - Left - Right) * (at - from).TotalSeconds / (to - from).TotalSeconds;

    public static double Y(int score, int max) => Height - Bottom - (Height - Bottom - Top) * score / max;
}
