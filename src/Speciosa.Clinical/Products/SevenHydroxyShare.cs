namespace Speciosa.Clinical.Products;

/// <summary>7-hydroxymitragynine as a percent of total alkaloids. The total is the certificate's
/// total-alkaloids figure, or else the sum of the quantified alkaloids (<see cref="TotalIsSumOfReported"/>).
/// When 7-OH was below its LOD/LOQ the percent is an upper bound.</summary>
public sealed record SevenHydroxyShare(
    decimal Percent,
    bool IsUpperBound,
    decimal SevenHydroxymitragynineMgPerGram,
    decimal TotalAlkaloidsMgPerGram,
    bool TotalIsSumOfReported)
{
    public string Arithmetic
    {
        get
        {
            var lessThan = IsUpperBound ? "< " : "";
            var total = TotalIsSumOfReported ? "sum of reported alkaloids" : "total alkaloids";
            return $"7-OH {lessThan}{Figures.Format(SevenHydroxymitragynineMgPerGram)} mg/g ÷ {total} "
                + $"{Figures.Format(TotalAlkaloidsMgPerGram)} mg/g = {lessThan}{Figures.Rounded(Percent)}%";
        }
    }

    public static SevenHydroxyShare Compute(
        IReadOnlyList<AnalyteResult> results, decimal? servingGrams = null, AnalyteCatalogue? catalogue = null) =>
        TryCompute(results, servingGrams, catalogue ?? AnalyteCatalogue.Default, out var whyNot)
        ?? throw new InvalidOperationException(whyNot);

    /// <summary>The share, or null with the reason it cannot be computed.</summary>
    public static SevenHydroxyShare? TryCompute(
        IReadOnlyList<AnalyteResult> results, decimal? servingGrams, AnalyteCatalogue catalogue, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(catalogue);
        var sevenOh = AlkaloidAmount.FromCertificate(results, "7-hydroxymitragynine", servingGrams, catalogue);
        if (sevenOh.MgPerGram is not { } sevenOhMg)
        {
            whyNot = sevenOh.Basis;
            return null;
        }

        var (total, isSum, totalWhyNot) = Total(results, servingGrams, catalogue);
        if (total is not > 0)
        {
            whyNot = totalWhyNot ?? "no quantified alkaloids to form the total";
            return null;
        }

        whyNot = null;
        return new(sevenOhMg / total.Value * 100m, sevenOh.IsUpperBound, sevenOhMg, total.Value, isSum);
    }

    private static (decimal? Total, bool IsSum, string? WhyNot) Total(
        IReadOnlyList<AnalyteResult> results, decimal? servingGrams, AnalyteCatalogue catalogue)
    {
        var reported = catalogue.ResultFor(results, "total-alkaloids");
        if (reported is { Qualifier: ResultQualifier.Detected, Value: { } value })
        {
            var mg = catalogue.TryConvert(value, reported.Unit, "mg/g", servingGrams);
            return (mg, false, mg is null ? "total alkaloids in mg/serving need the serving size" : null);
        }

        // Below-LOQ and not-detected components count as zero: a smaller total, so a larger (cautious) share.
        var sum = 0m;
        foreach (var r in results)
        {
            var analyte = catalogue.TryFind(r.Analyte);
            if (analyte is not { Class: AnalyteClass.Alkaloid } || analyte.Id == "total-alkaloids"
                || r is not { Qualifier: ResultQualifier.Detected, Value: { } v })
            {
                continue;
            }

            var mg = catalogue.TryConvert(v, r.Unit, "mg/g", servingGrams);
            if (mg is null)
            {
                return (null, true, $"{analyte.Name} in mg/serving needs the serving size");
            }

            sum += mg.Value;
        }

        return (sum, true, null);
    }
}
