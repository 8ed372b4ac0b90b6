namespace Speciosa.Clinical.Products;

/// <summary>The verdict on a lot's certificate under the clinic's chosen standards: fail if any analyte
/// fails, incomplete if anything could not be shown (missing, not quantified, method not sensitive
/// enough), pass only when every required analyte passed.</summary>
public sealed record LotVerdict(QualityOutcome Outcome, IReadOnlyList<AnalyteFinding> Findings)
{
    public IReadOnlyList<AnalyteFinding> OutOfLimit => Findings.Where(f => f.OutOfLimit).ToList();

    public IReadOnlyList<AnalyteFinding> Unresolved => Findings.Where(f => f.Outcome is QualityOutcome.Incomplete).ToList();

    /// <summary>One line for lists and headers, e.g. "Fail: 1 out of limit (lead), 2 incomplete (cadmium, salmonella)".</summary>
    public string Summary
    {
        get
        {
            if (Findings.Count == 0)
            {
                return "Incomplete: no chosen standard judged any analyte";
            }

            var parts = new List<string>();
            if (OutOfLimit.Count > 0)
            {
                parts.Add($"{OutOfLimit.Count} out of limit ({Names(OutOfLimit)})");
            }

            if (Unresolved.Count > 0)
            {
                parts.Add($"{Unresolved.Count} incomplete ({Names(Unresolved)})");
            }

            return parts.Count == 0 ? $"Pass: {Findings.Count} checks within limits" : $"{Outcome}: {string.Join(", ", parts)}";
        }
    }

    internal static LotVerdict Of(IReadOnlyList<AnalyteFinding> findings) =>
        new(findings.Count == 0 ? QualityOutcome.Incomplete : findings.Max(f => f.Outcome), findings);

    private static string Names(IEnumerable<AnalyteFinding> findings) =>
        string.Join(", ", findings.Select(f => f.Analyte).Distinct(StringComparer.Ordinal));
}
