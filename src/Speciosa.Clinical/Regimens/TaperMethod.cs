namespace Speciosa.Clinical.Regimens;

/// <summary>How a taper-off calendar reduces the daily dose week by week. The clinician picks one.</summary>
public enum TaperMethod
{
    /// <summary>The same share of the starting dose off each week: linear to zero.</summary>
    PercentOfStartingDose = 0,

    /// <summary>A share of the current (last rounded) dose off each week.</summary>
    PercentOfCurrentDose = 1,

    /// <summary>CDC 2022 Recommendation 5: 10% of the original dose a week until 30% of it remains, then 10% of
    /// the remaining dose a week (clinical-instruments.md section 5; CI-S56, CI-S61).</summary>
    Cdc2022TwoPhase = 2,
}
