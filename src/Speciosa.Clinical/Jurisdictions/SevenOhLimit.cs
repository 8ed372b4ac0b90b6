using System.Globalization;

namespace Speciosa.Clinical.Jurisdictions;

/// <summary>A local 7-OH ceiling: a percentage on a stated basis, either inclusive ("≤ 2 %", so 2 % is
/// allowed) or exclusive ("&lt; 2 %", so 2 % is over).</summary>
public sealed record SevenOhLimit(decimal Percent, SevenOhBasis Basis, bool Inclusive)
{
    /// <summary>Whether a lot's 7-OH share, on this limit's own basis, is over the limit.</summary>
    public bool IsExceededBy(decimal share) => Inclusive ? share > Percent : share >= Percent;

    public override string ToString()
    {
        var basis = Basis switch
        {
            SevenOhBasis.ShareOfAlkaloids => "of total alkaloids",
            SevenOhBasis.ShareOfWeight => "of product weight",
            SevenOhBasis.ShareOfDryWeight => "of dry weight",
            _ => "(basis not stated by the source)",
        };
        // Small limits are published in parts per million (1 % = 10,000 ppm): show both.
        var ppm = Percent < 0.1m ? $" ({(Percent * 10_000m).ToString("0.##", CultureInfo.InvariantCulture)} ppm)" : string.Empty;
        return $"7-OH {(Inclusive ? "≤" : "<")} {Percent.ToString("0.####", CultureInfo.InvariantCulture)} %{ppm} {basis}";
    }
}
