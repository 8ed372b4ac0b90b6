namespace Speciosa.Clinical.Liver;

/// <summary>One result of a panel: its multiple of ULN (null for an INR without a ULN), its CTCAE v5 grade (null when
/// not graded, e.g. INR) and, for INR, the value.</summary>
public sealed record PanelResult(LiverTest Test, UlnMultiple? TimesUln, CtcaeGrade? Grade, decimal Value);

/// <summary>What the core concludes about one panel, as the API and the liver page show it: each result's ×ULN and
/// CTCAE grade; R from ALT (Aithal 2011 [KS-S11]) or why it is not computable; the pattern; the DILI criteria met or
/// not; Hy's law on this panel; and the eDISH quadrant worded with the Hy's law verdict (<see cref="EdishWording"/>).
/// R is never formed from AST: whether AST may replace ALT is UNCONFIRMED (audit E16), so an AST-only panel says
/// "not computable: ALT not measured".</summary>
public sealed record LiverPanelSummary(
    DateTimeOffset CollectedAt,
    IReadOnlyList<PanelResult> Results,
    RRatio? R,
    string RText,
    InjuryPattern? Pattern,
    DiliCriteria Dili,
    HysLaw HysLaw,
    EdishQuadrant? Quadrant,
    string EdishText)
{
    public static LiverPanelSummary Of(LiverPanel panel, IEnumerable<CtcaeGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var gradeList = grades.Where(g => g.CollectedAt == panel.CollectedAt).ToList();
        var results = panel.Measurements.Values
            .OrderBy(m => m.Test)
            .Select(m => new PanelResult(m.Test, m.TimesUln, gradeList.FirstOrDefault(g => g.Test == m.Test), m.Value))
            .ToList();
        var r = RRatio.From(panel);
        var rText = r is { } ratio
            ? $"R = {ratio.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} ({ratio.Pattern})"
            : panel.TimesUln(LiverTest.Alt) is null ? "not computable: ALT not measured"
            : panel.TimesUln(LiverTest.Alp) is null ? "not computable: ALP not measured"
            : "not computable: ALP is 0";
        var peaks = LiverPeaks.From([panel]);
        var hys = HysLaw.Evaluate(peaks);
        var point = EdishPoint.From(peaks);
        var edish = point is { } p
            ? EdishWording.Describe(p.Quadrant, hys)
            : "no eDISH point (needs ALT and total bilirubin); " + EdishWording.Verdict(hys);
        return new LiverPanelSummary(panel.CollectedAt, results, r, rText, r?.Pattern, DiliCriteria.Evaluate(panel), hys, point?.Quadrant, edish);
    }
}
