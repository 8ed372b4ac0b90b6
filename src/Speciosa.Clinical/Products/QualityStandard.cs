using Speciosa.Clinical.Alerts;

namespace Speciosa.Clinical.Products;

/// <summary>A versioned quality standard a clinic may apply to product lots, with its published source,
/// the date the figures were last checked, and its limits. Required analytes come from its limits.</summary>
public sealed record QualityStandard(
    string Id,
    int Version,
    string Title,
    Source Source,
    DateOnly AsOf,
    IReadOnlyList<AnalyteLimit> Limits,
    DateOnly? Effective = null,
    string? Note = null)
{
    public IReadOnlyList<string> RequiredAnalytes =>
        Limits.Where(l => l.Required).Select(l => l.Analyte).Distinct(StringComparer.Ordinal).ToList();

    public string Label => $"{Id} v{Version}";

    /// <summary>The same standard with the clinic's label-claim tolerance (percent of the claim).</summary>
    public QualityStandard WithLabelTolerance(decimal tolerancePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePercent);
        return this with
        {
            Limits = Limits.Select(l => l.Kind is LimitKind.LabelClaim ? l with { Max = tolerancePercent } : l).ToList(),
        };
    }
}
