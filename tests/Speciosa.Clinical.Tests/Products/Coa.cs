using Speciosa.Clinical.Products;
using Xunit;

namespace Speciosa.Clinical.Tests.Products;

/// <summary>Certificate lines for tests: quantified results and the usual lab qualifiers.</summary>
internal static class Coa
{
    public static AnalyteResult Measured(string analyte, decimal value, string unit) => new(analyte, value, unit);

    public static AnalyteResult NotDetected(string analyte, string unit, decimal? lod) =>
        new(analyte, null, unit, ResultQualifier.NotDetected, Lod: lod);

    public static AnalyteResult BelowLod(string analyte, string unit, decimal lod) =>
        new(analyte, null, unit, ResultQualifier.BelowLod, Lod: lod);

    public static AnalyteResult BelowLoq(string analyte, string unit, decimal? loq) =>
        new(analyte, null, unit, ResultQualifier.BelowLoq, Loq: loq);

    public static AnalyteResult Absent(string analyte, string portion) => new(analyte, null, portion, ResultQualifier.NotDetected);

    public static AnalyteResult Present(string analyte, string portion) => new(analyte, null, portion, ResultQualifier.Detected);

    /// <summary>Every analyte the shipped standards require, comfortably within all of them.</summary>
    public static List<AnalyteResult> Clean() =>
    [
        Measured("mitragynine", 15m, "mg/g"),
        Measured("7-hydroxymitragynine", 0.15m, "mg/g"),
        Measured("speciogynine", 3m, "mg/g"),
        Measured("paynantheine", 2m, "mg/g"),
        Measured("speciociliatine", 1m, "mg/g"),
        Measured("lead", 0.1m, "µg/g"),
        Measured("arsenic", 0.2m, "µg/g"),
        Measured("cadmium", 0.05m, "µg/g"),
        Measured("mercury", 0.01m, "µg/g"),
        Measured("total-aerobic-microbial-count", 1000m, "CFU/g"),
        Measured("total-yeast-and-mould", 100m, "CFU/g"),
        Measured("bile-tolerant-gram-negatives", 10m, "CFU/g"),
        Absent("salmonella", "in 100 g"),
        Absent("escherichia-coli", "in 100 g"),
    ];

    /// <summary>The clean certificate with one analyte's line replaced (or removed when null).</summary>
    public static List<AnalyteResult> CleanWith(string analyte, AnalyteResult? replacement)
    {
        var list = Clean().Where(r => r.Analyte != analyte).ToList();
        if (replacement is not null)
        {
            list.Add(replacement);
        }

        return list;
    }

    public static LotVerdict Judge(IReadOnlyList<AnalyteResult> results, string standardId, ProductFacts? product = null) =>
        CoaJudgement.Judge(results, product ?? new ProductFacts(MaximumDailyGrams: 15m), [QualityStandardCatalogue.Get(standardId)]);

    public static AnalyteFinding Finding(this LotVerdict verdict, string analyte) =>
        Assert.Single(verdict.Findings, f => f.Analyte == analyte);
}
