namespace Speciosa.Clinical.Products;

/// <summary>What the product label claims for an alkaloid, in mg per serving.</summary>
public sealed record LabelClaim(string Analyte, decimal MgPerServing);
