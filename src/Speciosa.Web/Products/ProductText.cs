using System.Globalization;
using Speciosa.Clinical.Products;

namespace Speciosa.Web.Products;

/// <summary>Words and numbers for pages.</summary>
public static class ProductText
{
    public static string Form(ProductForm f) => f switch
    {
        ProductForm.LeafPowder => "leaf powder",
        ProductForm.Capsules => "capsules",
        ProductForm.Extract => "extract",
        ProductForm.LiquidShot => "liquid/shot",
        ProductForm.Tablet => "tablet",
        _ => f.ToString(),
    };

    public static string Outcome(QualityOutcome o) => o switch
    {
        QualityOutcome.Pass => "✔ Pass",
        QualityOutcome.Fail => "✖ Fail",
        _ => "? Incomplete",
    };

    public static string Number(decimal? d) => d is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : "";

    public static string Qualifier(ResultQualifier q) => q switch
    {
        ResultQualifier.Detected => "detected",
        ResultQualifier.NotDetected => "not detected",
        ResultQualifier.BelowLoq => "below LOQ",
        _ => "below LOD",
    };
}
