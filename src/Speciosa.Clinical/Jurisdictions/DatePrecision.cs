namespace Speciosa.Clinical.Jurisdictions;

/// <summary>How much of an effective date the source actually gives.</summary>
public enum DatePrecision
{
    Day = 0,
    Month = 1,
    Year = 2,

    /// <summary>The source gives no date (the reference marks it UNCONFIRMED).</summary>
    Unconfirmed = 3,
}
