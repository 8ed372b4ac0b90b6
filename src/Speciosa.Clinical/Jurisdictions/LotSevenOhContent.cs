namespace Speciosa.Clinical.Jurisdictions;

/// <summary>A lot's 7-OH content as its certificate of analysis gives it: share of total alkaloids and/or
/// share of product weight, in percent. Either may be missing.</summary>
public sealed record LotSevenOhContent(decimal? ShareOfAlkaloidsPercent, decimal? ShareOfWeightPercent);
