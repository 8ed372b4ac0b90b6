namespace Speciosa.Clinical.Liver;

/// <summary>Everything the core concludes from a patient's liver results: normalised panels, a CTCAE
/// grade per graded measurement, DILI criteria per panel and at onset (first panel meeting any), R ratio
/// and pattern at onset, peaks, potential Hy's law and the eDISH point.</summary>
public sealed record LiverEvaluation(
    IReadOnlyList<LiverPanel> Panels,
    IReadOnlyList<CtcaeGrade> Grades,
    IReadOnlyList<DiliCriteria> DiliByPanel,
    DiliCriteria? DiliOnset,
    RRatio? RAtOnset,
    LiverPeaks Peaks,
    HysLaw HysLaw,
    EdishPoint? Edish)
{
    /// <summary>The FDA 2009 stopping criteria over every panel (<see cref="FdaStoppingCriteria"/>).</summary>
    public IReadOnlyList<StoppingCriterionOutcome> Stopping => FdaStoppingCriteria.Evaluate(Panels);

    /// <summary>Each panel's conclusions, oldest first (<see cref="LiverPanelSummary"/>).</summary>
    public IReadOnlyList<LiverPanelSummary> Summaries => Panels.Select(p => LiverPanelSummary.Of(p, Grades)).ToList();

    /// <summary>The eDISH point in words with the Hy's law verdict on peaks, or why there is no point.</summary>
    public string EdishText => Edish is { } e
        ? EdishWording.Describe(e.Quadrant, HysLaw)
        : "no eDISH point (needs ALT and total bilirubin); " + EdishWording.Verdict(HysLaw);

    /// <summary>Evaluates <paramref name="results"/>. <paramref name="baseline"/> holds at most one
    /// pre-exposure result per test; an abnormal one switches that test's CTCAE grading to the
    /// baseline-abnormal form.</summary>
    public static LiverEvaluation Evaluate(
        IEnumerable<LiverResult> results,
        ClinicUlnDefaults defaults,
        IEnumerable<LiverResult>? baseline = null)
    {
        var panels = LiverPanel.Group(results.Select(r => LiverMeasurement.From(r, defaults)));
        var baselines = (baseline ?? [])
            .Select(r => LiverMeasurement.From(r, defaults))
            .GroupBy(m => m.Test)
            .ToDictionary(g => g.Key, g => g.Last());

        var grades = panels
            .SelectMany(p => p.Measurements.Values)
            .Select(m => CtcaeGrading.Grade(m, baselines.GetValueOrDefault(m.Test)))
            .OfType<CtcaeGrade>()
            .ToList();
        var dili = panels.Select(DiliCriteria.Evaluate).ToList();
        var onset = dili.FirstOrDefault(d => d.Met);
        var onsetPanel = onset is null ? null : panels.First(p => p.CollectedAt == onset.CollectedAt);
        var peaks = LiverPeaks.From(panels);

        return new LiverEvaluation(
            panels,
            grades,
            dili,
            onset,
            onsetPanel is null ? null : RRatio.From(onsetPanel),
            peaks,
            HysLaw.Evaluate(peaks),
            EdishPoint.From(peaks));
    }
}
