using System.Globalization;

namespace Speciosa.Clinical.Liver;

/// <summary>Whether one FDA 2009 stopping criterion holds: met, not met, or not computable from the data held.</summary>
public enum StoppingCriterionStatus
{
    NotMet,
    Met,
    NotComputable,
}

/// <summary>One FDA 2009 stopping criterion on a patient's panels. <see cref="MetAt"/> is the collection time of the
/// first panel meeting it; <see cref="Detail"/> says which values met it, or why it cannot be computed.</summary>
public sealed record StoppingCriterionOutcome(string Id, string Criterion, StoppingCriterionStatus Status, DateTimeOffset? MetAt, string Detail);

/// <summary>The FDA 2009 DILI guidance stopping criteria (FDA Guidance for Industry, Drug-Induced Liver Injury:
/// Premarketing Clinical Evaluation, 2009, section on discontinuation [KS-S14]; figures as restated in the clinical
/// audit E4, from memory of the guidance): stop the drug if ALT or AST &gt; 8 × ULN; &gt; 5 × ULN for more than
/// 2 weeks; &gt; 3 × ULN with total bilirubin &gt; 2 × ULN or INR &gt; 1.5; &gt; 3 × ULN with fatigue, nausea,
/// vomiting, right-upper-quadrant pain or tenderness, fever, rash or eosinophilia. All thresholds are strict
/// ("&gt;"), as the guidance prints them. The last criterion is not computable here: symptoms and eosinophils are
/// not recorded with liver results (a liver-symptom adverse event raises its own "liver panel now" alert).
/// Evaluated over every panel, like Hy's law: a criterion once met stays met until the result is marked entered in error.</summary>
public static class FdaStoppingCriteria
{
    public const decimal Above8Times = 8m;
    public const decimal Above5Times = 5m;
    public const decimal Above3Times = 3m;
    public const decimal BilirubinAbove = 2m;
    public const decimal InrAbove = 1.5m;

    /// <summary>"More than 2 weeks": the run of panels above 5 × ULN must span more than 14 days.</summary>
    public static readonly TimeSpan SustainedFor = TimeSpan.FromDays(14);

    /// <summary>An INR counts with an aminotransferase result collected within this time of it (local choice: the two
    /// are often drawn separately; 72 h is the guidance's own repeat window).</summary>
    public static readonly TimeSpan InrPairedWithin = TimeSpan.FromHours(72);

    public const string Above8Id = "above-8x";
    public const string Above5SustainedId = "above-5x-over-2-weeks";
    public const string Above3WithBilirubinOrInrId = "above-3x-with-bilirubin-or-inr";
    public const string Above3WithSymptomsId = "above-3x-with-symptoms-or-eosinophilia";

    public const string Above8Text = "ALT or AST > 8 × ULN";
    public const string Above5SustainedText = "ALT or AST > 5 × ULN for more than 2 weeks";
    public const string Above3WithBilirubinOrInrText = "ALT or AST > 3 × ULN with total bilirubin > 2 × ULN or INR > 1.5";
    public const string Above3WithSymptomsText = "ALT or AST > 3 × ULN with fatigue, nausea, vomiting, right-upper-quadrant pain or tenderness, fever, rash or eosinophilia (> 5 %)";

    public static IReadOnlyList<StoppingCriterionOutcome> Evaluate(IReadOnlyList<LiverPanel> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var withAminotransferase = panels.Where(p => Higher(p) is not null).OrderBy(p => p.CollectedAt).ToList();
        return
        [
            Above8(withAminotransferase),
            Sustained(withAminotransferase),
            WithBilirubinOrInr(panels, withAminotransferase),
            new(Above3WithSymptomsId, Above3WithSymptomsText, StoppingCriterionStatus.NotComputable, null,
                "Not computable: symptoms and eosinophil counts are not recorded with liver results. Ask about symptoms; a jaundice, dark urine, itching or right-upper-quadrant pain adverse event raises its own alert."),
        ];
    }

    /// <summary>The higher of ALT and AST as a multiple of ULN in <paramref name="panel"/>, with its name; null when neither was measured.</summary>
    public static (string Test, UlnMultiple Multiple)? Higher(LiverPanel panel)
    {
        var alt = panel.TimesUln(LiverTest.Alt);
        var ast = panel.TimesUln(LiverTest.Ast);
        return (alt, ast) switch
        {
            ({ } a, { } s) => s.IsGreaterThan(a) ? ("AST", s) : ("ALT", a),
            ({ } a, null) => ("ALT", a),
            (null, { } s) => ("AST", s),
            _ => null,
        };
    }

    /// <summary>The INR nearest in time to <paramref name="at"/> within <see cref="InrPairedWithin"/>, or null.</summary>
    public static LiverMeasurement? InrNear(IReadOnlyList<LiverPanel> panels, DateTimeOffset at) =>
        panels.Select(p => p[LiverTest.Inr]).OfType<LiverMeasurement>()
            .Where(m => (m.CollectedAt - at).Duration() <= InrPairedWithin)
            .OrderBy(m => (m.CollectedAt - at).Duration()).ThenByDescending(m => m.CollectedAt)
            .FirstOrDefault();

    private static StoppingCriterionOutcome Above8(List<LiverPanel> panels)
    {
        var first = panels.FirstOrDefault(p => Higher(p)!.Value.Multiple.IsAbove(Above8Times));
        return first is null
            ? new(Above8Id, Above8Text, StoppingCriterionStatus.NotMet, null, Peak(panels))
            : new(Above8Id, Above8Text, StoppingCriterionStatus.Met, first.CollectedAt, Describe(first));
    }

    private static StoppingCriterionOutcome Sustained(List<LiverPanel> panels)
    {
        // Runs of consecutive aminotransferase panels all above 5 × ULN; met when a run spans more than 14 days.
        DateTimeOffset? runStart = null;
        foreach (var panel in panels)
        {
            if (!Higher(panel)!.Value.Multiple.IsAbove(Above5Times))
            {
                runStart = null;
                continue;
            }

            runStart ??= panel.CollectedAt;
            if (panel.CollectedAt - runStart.Value > SustainedFor)
            {
                return new(Above5SustainedId, Above5SustainedText, StoppingCriterionStatus.Met, panel.CollectedAt,
                    Text($"Above 5 × ULN on every panel from {Day(runStart.Value)} to {Day(panel.CollectedAt)} ({(panel.CollectedAt - runStart.Value).TotalDays:0.#} days); {Describe(panel)}."));
            }
        }

        return new(Above5SustainedId, Above5SustainedText, StoppingCriterionStatus.NotMet, null,
            "No run of panels above 5 × ULN spanning more than 14 days (a normal-enough panel in between ends a run).");
    }

    private static StoppingCriterionOutcome WithBilirubinOrInr(IReadOnlyList<LiverPanel> all, List<LiverPanel> panels)
    {
        foreach (var panel in panels.Where(p => Higher(p)!.Value.Multiple.IsAbove(Above3Times)))
        {
            var bilirubin = panel.TimesUln(LiverTest.TotalBilirubin);
            if (bilirubin is { } b && b.IsAbove(BilirubinAbove))
            {
                return new(Above3WithBilirubinOrInrId, Above3WithBilirubinOrInrText, StoppingCriterionStatus.Met, panel.CollectedAt,
                    Text($"{Describe(panel)}, total bilirubin {b}ULN."));
            }

            if (InrNear(all, panel.CollectedAt) is { } inr && inr.Value > InrAbove)
            {
                return new(Above3WithBilirubinOrInrId, Above3WithBilirubinOrInrText, StoppingCriterionStatus.Met, panel.CollectedAt,
                    Text($"{Describe(panel)}, INR {inr.Value:0.##} (collected {Day(inr.CollectedAt)})."));
            }
        }

        return new(Above3WithBilirubinOrInrId, Above3WithBilirubinOrInrText, StoppingCriterionStatus.NotMet, null,
            "No panel with ALT or AST above 3 × ULN together with total bilirubin above 2 × ULN or an INR above 1.5 (within 72 h).");
    }

    private static string Peak(List<LiverPanel> panels) =>
        panels.Count == 0
            ? "No ALT or AST result."
            : Text($"Highest: {Describe(panels.MaxBy(p => Higher(p)!.Value.Multiple.Ratio)!)}.");

    private static string Describe(LiverPanel panel)
    {
        var (test, multiple) = Higher(panel)!.Value;
        return Text($"{test} {multiple}ULN on {Day(panel.CollectedAt)}");
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
