namespace Speciosa.Clinical.Regimens;

/// <summary>How long the patient has used daily, which CDC 2022 Recommendation 5 ties to the pace of a taper: after
/// weeks to months, 10% of the original dose a week or slower; after a year or more, 10% a month or slower.</summary>
public enum TaperUseDuration
{
    /// <summary>Weeks to months (under a year).</summary>
    UnderOneYear = 0,

    /// <summary>A year or more.</summary>
    OneYearOrMore = 1,
}
