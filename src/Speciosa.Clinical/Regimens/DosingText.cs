using System.Globalization;
using Speciosa.Clinical.Products;

namespace Speciosa.Clinical.Regimens;

/// <summary>Renders figures in reasons the same way on every machine.</summary>
internal static class DosingText
{
    public static string Grams(decimal grams) => Figures.Format(grams) + " g";

    /// <summary>A computed (unrounded) figure: at most four decimals shown.</summary>
    public static string ExactGrams(decimal grams) => Figures.Rounded(grams) + " g";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => Figures.Rounded(value);

    public static string Percent(decimal share) => Figures.Rounded(share * 100m) + "%";
}
