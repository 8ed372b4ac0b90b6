namespace Speciosa.Clinical.Products;

/// <summary>Judges a lot's certificate of analysis against the standards a clinic chose. Entry point for
/// the web layer: check the results and product facts first with <c>AnalyteCatalogue.Check</c> to answer 400.</summary>
public static class CoaJudgement
{
    public static LotVerdict Judge(
        IReadOnlyList<AnalyteResult> results,
        ProductFacts product,
        IEnumerable<QualityStandard> standards,
        AnalyteCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(standards);
        catalogue ??= AnalyteCatalogue.Default;

        var problems = catalogue.Check(results).Concat(catalogue.Check(product)).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Results cannot be judged: " + string.Join(" ", problems.Select(p => $"[{p.Index}].{p.Field}: {p.Message}")),
                nameof(results));
        }

        var findings = new List<AnalyteFinding>();
        foreach (var standard in standards)
        {
            foreach (var limit in standard.Limits)
            {
                if (new LimitJudgement(standard, limit, results, product, catalogue).Judge() is { } finding)
                {
                    findings.Add(finding);
                }
            }
        }

        // No standard chosen, or none that applies: nothing was shown, so nothing passes.
        return LotVerdict.Of(findings);
    }
}
