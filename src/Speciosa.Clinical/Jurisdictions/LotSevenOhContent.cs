namespace Speciosa.Clinical.Jurisdictions;

/// <summary>A lot's 7-OH content as its certificate of analysis gives it: share of total alkaloids, share of product
/// weight as tested (as-is) and share of dry weight, in percent. Any may be missing.</summary>
public sealed record LotSevenOhContent(decimal? ShareOfAlkaloidsPercent, decimal? ShareOfWeightPercent, decimal? ShareOfDryWeightPercent = null);
