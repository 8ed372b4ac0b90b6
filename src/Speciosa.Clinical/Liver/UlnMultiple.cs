namespace Speciosa.Clinical.Liver;

/// <summary>A value as a multiple of a reference (the ULN, or the patient's baseline in CTCAE's
/// baseline-abnormal form). Thresholds compare by cross-multiplication, so a value at exactly
/// k × reference sits exactly on the boundary with no division rounding.</summary>
public readonly record struct UlnMultiple(decimal Value, decimal Reference)
{
    public decimal Ratio => Value / Reference;

    public bool IsAbove(decimal times) => Value > times * Reference;

    public bool IsAtLeast(decimal times) => Value >= times * Reference;

    public bool IsBelow(decimal times) => Value < times * Reference;

    /// <summary>True when this multiple is larger than <paramref name="other"/> (exact, no division).</summary>
    public bool IsGreaterThan(UlnMultiple other) => Value * other.Reference > other.Value * Reference;

    public override string ToString() => Ratio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "×";
}
