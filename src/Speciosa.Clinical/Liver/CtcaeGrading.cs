namespace Speciosa.Clinical.Liver;

/// <summary>CTCAE v5.0 (NCI, 27 Nov 2017) liver laboratory grades [KS-S19], both forms exactly as
/// kratom-safety.md 1.5 gives them; GGT follows the ALP thresholds [KS-S20]. INR is not graded here.</summary>
public static class CtcaeGrading
{
    // Lower bound of each grade; a grade runs up to (and including) the next grade's exclusive lower bound.
    private sealed record Band(int Grade, decimal From, bool Inclusive, string Text);

    private sealed record Term(Band[] BaselineNormal, Band[] BaselineAbnormal);

    private static readonly Term Aminotransferase = new(
        [new(1, 1.0m, false, ">ULN-3.0×ULN"), new(2, 3.0m, false, ">3.0-5.0×ULN"), new(3, 5.0m, false, ">5.0-20.0×ULN"), new(4, 20.0m, false, ">20.0×ULN")],
        [new(1, 1.5m, true, "1.5-3.0×BL"), new(2, 3.0m, false, ">3.0-5.0×BL"), new(3, 5.0m, false, ">5.0-20.0×BL"), new(4, 20.0m, false, ">20.0×BL")]);

    private static readonly Term Phosphatase = new(
        [new(1, 1.0m, false, ">ULN-2.5×ULN"), new(2, 2.5m, false, ">2.5-5.0×ULN"), new(3, 5.0m, false, ">5.0-20.0×ULN"), new(4, 20.0m, false, ">20.0×ULN")],
        [new(1, 2.0m, true, "2.0-2.5×BL"), new(2, 2.5m, false, ">2.5-5.0×BL"), new(3, 5.0m, false, ">5.0-20.0×BL"), new(4, 20.0m, false, ">20.0×BL")]);

    private static readonly Term Bilirubin = new(
        [new(1, 1.0m, false, ">ULN-1.5×ULN"), new(2, 1.5m, false, ">1.5-3.0×ULN"), new(3, 3.0m, false, ">3.0-10.0×ULN"), new(4, 10.0m, false, ">10.0×ULN")],
        [new(1, 1.0m, false, ">1.0-1.5×BL"), new(2, 1.5m, false, ">1.5-3.0×BL"), new(3, 3.0m, false, ">3.0-10.0×BL"), new(4, 10.0m, false, ">10.0×BL")]);

    /// <summary>True for the tests CTCAE grading applies to here (ALT, AST, ALP, total bilirubin, GGT).</summary>
    public static bool Grades(LiverTest test) => test != LiverTest.Inr;

    /// <summary>Grades <paramref name="measurement"/>. With a <paramref name="baseline"/> of the same test
    /// above its ULN the baseline-abnormal form applies (multiple of baseline); otherwise the
    /// baseline-normal form (multiple of ULN). Null for tests not graded (INR).</summary>
    public static CtcaeGrade? Grade(LiverMeasurement measurement, LiverMeasurement? baseline = null)
    {
        if (!Grades(measurement.Test))
        {
            return null;
        }

        if (baseline is not null && baseline.Test != measurement.Test)
        {
            throw new ArgumentException($"Baseline is {baseline.Test}, measurement is {measurement.Test}.", nameof(baseline));
        }

        var term = TermFor(measurement.Test);
        var baselineAbnormal = baseline?.TimesUln is { } b && b.IsAbove(1.0m) && baseline.Value > 0;
        var form = baselineAbnormal ? CtcaeForm.BaselineAbnormal : CtcaeForm.BaselineNormal;
        var multiple = baselineAbnormal
            ? OfBaseline(measurement, baseline!)
            : measurement.TimesUln!.Value;
        var bands = baselineAbnormal ? term.BaselineAbnormal : term.BaselineNormal;

        var reached = bands.LastOrDefault(band => band.Inclusive ? multiple.IsAtLeast(band.From) : multiple.IsAbove(band.From));
        var grade = reached?.Grade ?? 0;
        var text = reached?.Text ?? (baselineAbnormal ? "below grade 1 (vs baseline)" : "≤ULN");
        return new CtcaeGrade(measurement.Test, TermName(measurement.Test), grade, form, multiple, text, measurement.CollectedAt);
    }

    // Same reported unit: divide as reported, so no conversion factor touches a boundary.
    private static UlnMultiple OfBaseline(LiverMeasurement measurement, LiverMeasurement baseline) =>
        string.Equals(measurement.ReportedUnit, baseline.ReportedUnit, StringComparison.Ordinal)
            ? new UlnMultiple(measurement.ReportedValue, baseline.ReportedValue)
            : new UlnMultiple(measurement.Value, baseline.Value);

    private static Term TermFor(LiverTest test) => test switch
    {
        LiverTest.Alt or LiverTest.Ast => Aminotransferase,
        LiverTest.Alp or LiverTest.Ggt => Phosphatase,
        LiverTest.TotalBilirubin => Bilirubin,
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "Not graded by CTCAE here."),
    };

    private static string TermName(LiverTest test) => test switch
    {
        LiverTest.Alt => "Alanine aminotransferase increased",
        LiverTest.Ast => "Aspartate aminotransferase increased",
        LiverTest.Alp => "Alkaline phosphatase increased",
        LiverTest.Ggt => "GGT increased",
        _ => "Blood bilirubin increased",
    };
}
