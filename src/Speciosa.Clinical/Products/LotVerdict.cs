namespace Speciosa.Clinical.Products;

/// <summary>The verdict on a lot's certificate under the clinic's chosen standards: fail if any analyte
/// fails, incomplete if anything could not be shown (missing, not quantified, method not sensitive
/// enough), pass only when every required analyte passed.</summary>
public sealed record LotVerdict(QualityOutcome Outcome, IReadOnlyList<AnalyteFinding> Findings)
{
    public IReadOnlyList<AnalyteFinding> OutOfLimit => Findings.Where(f => f.OutOfLimit).ToList();

    public IReadOnlyList<AnalyteFinding> Unresolved => Findings.Where(f => f.Outcome is QualityOutcome.Incomplete).ToList();

    internal static LotVerdict Of(IReadOnlyList<AnalyteFinding> findings) =>
        new(findings.Count == 0 ? QualityOutcome.Incomplete : findings.Max(f => f.Outcome), findings);
}
