namespace Speciosa.Clinical.Products;

/// <summary>Measured alkaloid per serving against the label claim, within a tolerance in percent of the
/// claim (set by the clinic: the reference publishes none). The boundary itself is within tolerance.</summary>
public sealed record LabelAccuracy(
    string Analyte,
    decimal ClaimedMgPerServing,
    decimal MeasuredMgPerGram,
    decimal ServingGrams,
    decimal TolerancePercent)
{
    public decimal MeasuredMgPerServing => MeasuredMgPerGram * ServingGrams;

    /// <summary>Signed: negative when the product holds less than claimed.</summary>
    public decimal DeviationPercent => (MeasuredMgPerServing - ClaimedMgPerServing) / ClaimedMgPerServing * 100m;

    // Compared as |measured − claimed| × 100 ≤ claimed × tolerance so no division rounds the boundary.
    public bool WithinTolerance =>
        Math.Abs(MeasuredMgPerServing - ClaimedMgPerServing) * 100m <= ClaimedMgPerServing * TolerancePercent;

    public string Arithmetic =>
        $"{Analyte} {Figures.Format(MeasuredMgPerGram)} mg/g × {Figures.Format(ServingGrams)} g = "
        + $"{Figures.Format(MeasuredMgPerServing)} mg/serving vs claimed {Figures.Format(ClaimedMgPerServing)} mg/serving: "
        + $"{(DeviationPercent >= 0 ? "+" : "")}{Figures.Rounded(DeviationPercent)}% "
        + $"{(WithinTolerance ? "within" : "outside")} ±{Figures.Format(TolerancePercent)}%";

    public static LabelAccuracy Assess(
        string analyte, decimal claimedMgPerServing, decimal measuredMgPerGram, decimal servingGrams, decimal tolerancePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(claimedMgPerServing);
        ArgumentOutOfRangeException.ThrowIfNegative(measuredMgPerGram);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servingGrams);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePercent);
        return new(analyte, claimedMgPerServing, measuredMgPerGram, servingGrams, tolerancePercent);
    }
}
