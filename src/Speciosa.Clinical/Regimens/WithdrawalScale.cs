namespace Speciosa.Clinical.Regimens;

/// <summary>The withdrawal scales a titration step may be held on: COWS (clinician-rated) or SOWS (patient-rated).</summary>
public enum WithdrawalScale
{
    Cows = 0,
    Sows = 1,
}
