namespace Speciosa.Clinical.Jurisdictions;

/// <summary>What a 7-hydroxymitragynine (7-OH) limit is a share of. A lot can only be judged on the same basis.</summary>
public enum SevenOhBasis
{
    /// <summary>% of the total alkaloid fraction (e.g. Utah: ≤ 2 % of the alkaloid fraction).</summary>
    ShareOfAlkaloids = 0,

    /// <summary>% of product weight (e.g. Florida: &gt; 1 % by weight is Schedule I).</summary>
    ShareOfWeight = 1,

    /// <summary>The source gives a percentage without saying of what: it cannot be judged, only shown.</summary>
    Unstated = 2,

    /// <summary>% of the product's dry weight (e.g. Florida 2ER25-2: above 400 ppm, 0.04 %, on a dry-weight basis is
    /// Schedule I). A certificate's as-is figure can only refuse a lot (its dry-weight share is at least as high), never allow it.</summary>
    ShareOfDryWeight = 3,
}
