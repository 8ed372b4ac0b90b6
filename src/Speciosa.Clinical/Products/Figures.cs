using System.Globalization;

namespace Speciosa.Clinical.Products;

/// <summary>Renders figures in reasons the same way on every machine (invariant culture, no trailing zeros).</summary>
internal static class Figures
{
    public static string Format(decimal value) =>
        value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>For derived figures such as shares: at most four decimals shown; comparisons use the exact value.</summary>
    public static string Rounded(decimal value) =>
        Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);
}
