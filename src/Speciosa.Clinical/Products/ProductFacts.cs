namespace Speciosa.Clinical.Products;

/// <summary>What the judgement needs to know about the product beyond its certificate:
/// the maximum daily amount in grams (label directions or the clinic's regimen ceiling) for daily-exposure
/// limits, the serving size, and the label claims.</summary>
public sealed record ProductFacts(
    decimal? MaximumDailyGrams = null,
    decimal? ServingGrams = null,
    IReadOnlyList<LabelClaim>? LabelClaims = null)
{
    public static ProductFacts None { get; } = new();
}
