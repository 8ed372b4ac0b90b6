namespace Speciosa.Clinical.Products;

/// <summary>One analyte's limit inside a quality standard. <see cref="Required"/>: a certificate without
/// this analyte cannot pass the standard. <see cref="Surrogate"/>: an analyte accepted as an upper bound
/// (total arsenic for inorganic arsenic). <see cref="Unconfirmed"/>: the reference could not confirm the figure.</summary>
public sealed record AnalyteLimit(
    string Analyte,
    LimitKind Kind,
    decimal? Max = null,
    string? Unit = null,
    LimitComparison Comparison = LimitComparison.AtMost,
    bool Required = true,
    bool Unconfirmed = false,
    string? Surrogate = null,
    string? Note = null)
{
    public string ComparisonSymbol => Comparison is LimitComparison.AtMost ? "≤" : "<";

    public string FailingSymbol => Comparison is LimitComparison.AtMost ? ">" : "≥";

    public bool Admits(decimal value, decimal max) =>
        Comparison is LimitComparison.AtMost ? value <= max : value < max;
}
