namespace Speciosa.Clinical.Products;

/// <summary>A unit a result or limit is stated in. <see cref="FactorToBase"/> turns a value into the
/// dimension's base unit (mg/g, CFU/g, µg/day); presence units carry their test portion in grams.</summary>
public sealed record MeasureUnit(
    string Code,
    UnitDimension Dimension,
    decimal FactorToBase,
    decimal? TestPortionGrams = null,
    IReadOnlyList<string>? Aliases = null)
{
    public bool Answers(string code) =>
        string.Equals(Code, code.Trim(), StringComparison.OrdinalIgnoreCase)
        || (Aliases?.Any(a => string.Equals(a, code.Trim(), StringComparison.OrdinalIgnoreCase)) ?? false);
}
