namespace Speciosa.Clinical.Regimens;

/// <summary>How a taper-off calendar reduces the daily dose. The clinician picks one; none is preselected.</summary>
public enum TaperMethod
{
    /// <summary>The same share of the starting dose off each week: linear to zero.</summary>
    PercentOfStartingDose = 0,

    /// <summary>A share of the current dose off each week.</summary>
    PercentOfCurrentDose = 1,

    /// <summary>An extrapolation of CDC 2022 Recommendation 5, a guideline written for opioids prescribed for pain, not
    /// for kratom: 10% of the original dose a week until 30% of it remains, then 10% of the remaining dose a week; after a
    /// year or more of use the same shape a month at a time ("10% a month or slower") (clinical-instruments.md section 5;
    /// CI-S56, CI-S61).</summary>
    Cdc2022TwoPhase = 2,
}
