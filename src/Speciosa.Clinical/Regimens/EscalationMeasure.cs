namespace Speciosa.Clinical.Regimens;

/// <summary>What the escalation watch compares between windows: mean grams a day, or mean doses a day
/// (use tracked dose frequency more than amount in a US cohort, kratom-safety.md 3.2, KS-S59).</summary>
public enum EscalationMeasure
{
    GramsPerDay = 0,
    DosesPerDay = 1,
}
