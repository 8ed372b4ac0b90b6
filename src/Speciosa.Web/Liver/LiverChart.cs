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

    /// <summary>The eDISH point; <see cref="Wording"/> gives the quadrant with the Hy's law verdict, so the two never contradict.</summary>
    public sealed record Edish(decimal AltTimesUln, decimal BilirubinTimesUln, string Quadrant, string Wording);

    /// <summary>One result of a panel: ×ULN (null for INR without a ULN), the INR value, the CTCAE v5 grade in words.</summary>
    public sealed record PanelResultView(string Test, decimal? TimesUln, decimal? Value, int? CtcaeGrade, string Ctcae);

    /// <summary>One panel's conclusions: results, R (or why not), pattern, DILI criteria met or not, Hy's law, eDISH wording.</summary>
    public sealed record PanelView(
        string CollectedAt, IReadOnlyList<PanelResultView> Results, decimal? R, string RText, string? Pattern,
        bool DiliCriteriaMet, IReadOnlyList<string> DiliCriteria, bool PotentialHysLaw, string HysLaw, string Edish);

    /// <summary>One FDA 2009 stopping criterion: met, notMet or notComputable, with the detail.</summary>
    public sealed record StoppingView(string Id, string Criterion, string Status, string? MetAt, string Detail);

    public sealed record Data(
        IReadOnlyList<Series> Series, IReadOnlyList<Threshold> Thresholds, Edish? Edish,
        IReadOnlyList<PanelView> Panels, IReadOnlyList<StoppingView> StoppingCriteria, string HysLaw);

    public sealed record Threshold(string Label, decimal TimesUln);

    /// <summary>The chart data; times as "yyyy-MM-dd HH:mm" in <paramref name="zone"/> (UTC when not given).</summary>
    public static Data Of(LiverEvaluation evaluation, TimeZoneInfo? zone = null)
    {
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new(
            Enum.GetValues<LiverTest>().Where(t => t != LiverTest.Inr)
                .Select(t => new Series(t.ToString(), evaluation.Panels.Where(p => p.TimesUln(t) is not null)
                    .Select(p => new Point(Local(p.CollectedAt), decimal.Round(p.TimesUln(t)!.Value.Ratio, 2))).ToList()))
                .Where(s => s.Points.Count > 0).ToList(),
            [new("1× ULN (upper limit of normal)", 1m), new("ALT/AST 3× ULN (Hy's law)", 3m), new("ALT 5× ULN (DILI)", 5m), new("ALP and bilirubin 2× ULN", 2m)],
            evaluation.Edish is { } e ? new Edish(decimal.Round(e.PeakAlt.Ratio, 2), decimal.Round(e.PeakBilirubin.Ratio, 2), e.Quadrant.ToString(), evaluation.EdishText) : null,
            evaluation.Summaries.Select(p => new PanelView(
                Local(p.CollectedAt),
                p.Results.Select(r => new PanelResultView(
                    r.Test.ToString(),
                    r.TimesUln is { } x ? decimal.Round(x.Ratio, 2) : null,
                    r.Test == LiverTest.Inr ? r.Value : null,
                    r.Grade?.Grade,
                    LiverWording.Grade(r.Grade, r.Test))).ToList(),
                p.R is { } ratio ? decimal.Round(ratio.Value, 2) : null,
                p.RText,
                p.Pattern?.ToString(),
                p.Dili.Met,
                p.Dili.Outcomes.Where(o => o.Met).Select(o => o.Threshold).ToList(),
                p.HysLaw.IsPotentialHysLaw,
                EdishWording.Verdict(p.HysLaw),
                p.EdishText)).ToList(),
            evaluation.Stopping.Select(c => new StoppingView(
                c.Id, c.Criterion,
                c.Status switch { StoppingCriterionStatus.Met => "met", StoppingCriterionStatus.NotMet => "notMet", _ => "notComputable" },
                c.MetAt is { } at ? Local(at) : null, c.Detail)).ToList(),
            EdishWording.Verdict(evaluation.HysLaw));
    }

    /// <summary>JSON for a <c>script type="application/json"</c> block; '&lt;' escaped so it cannot close the tag.</summary>
    public static string Json(LiverEvaluation evaluation, TimeZoneInfo? zone = null) =>
        JsonSerializer.Serialize(Of(evaluation, zone), new JsonSerializerOptions(JsonSerializerDefaults.Web)).Replace("<", "\\u003c", StringComparison.Ordinal);
}
