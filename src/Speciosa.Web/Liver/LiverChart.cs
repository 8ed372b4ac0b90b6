using System.Globalization;
using System.Text.Json;
using Speciosa.Clinical.Liver;

namespace Speciosa.Web.Liver;

/// <summary>The liver chart data: each test as ×ULN over time with threshold lines (1× ULN, ALT/AST 3× and 5×, ALP 2×,
/// bilirubin 2×; Hy's law, Aithal 2011), and the eDISH point (peak ALT ×ULN, peak bilirubin ×ULN) with its quadrant.</summary>
public static class LiverChart
{
    public sealed record Point(string T, decimal X);

    public sealed record Series(string Test, IReadOnlyList<Point> Points);

    public sealed record Edish(decimal AltTimesUln, decimal BilirubinTimesUln, string Quadrant);

    public sealed record Data(IReadOnlyList<Series> Series, IReadOnlyList<Threshold> Thresholds, Edish? Edish);

    public sealed record Threshold(string Label, decimal TimesUln);

    /// <summary>The chart data; times as "yyyy-MM-dd HH:mm" in <paramref name="zone"/> (UTC when not given).</summary>
    public static Data Of(LiverEvaluation evaluation, TimeZoneInfo? zone = null) =>
        new(
            Enum.GetValues<LiverTest>().Where(t => t != LiverTest.Inr)
                .Select(t => new Series(t.ToString(), evaluation.Panels.Where(p => p.TimesUln(t) is not null)
                    .Select(p => new Point(TimeZoneInfo.ConvertTime(p.CollectedAt, zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), decimal.Round(p.TimesUln(t)!.Value.Ratio, 2))).ToList()))
                .Where(s => s.Points.Count > 0).ToList(),
            [new("1× ULN (upper limit of normal)", 1m), new("ALT/AST 3× ULN (Hy's law)", 3m), new("ALT 5× ULN (DILI)", 5m), new("ALP and bilirubin 2× ULN", 2m)],
            evaluation.Edish is { } e ? new Edish(decimal.Round(e.PeakAlt.Ratio, 2), decimal.Round(e.PeakBilirubin.Ratio, 2), e.Quadrant.ToString()) : null);

    /// <summary>JSON for a <c>script type="application/json"</c> block; '&lt;' escaped so it cannot close the tag.</summary>
    public static string Json(LiverEvaluation evaluation, TimeZoneInfo? zone = null) =>
        JsonSerializer.Serialize(Of(evaluation, zone), new JsonSerializerOptions(JsonSerializerDefaults.Web)).Replace("<", "\\u003c", StringComparison.Ordinal);
}
