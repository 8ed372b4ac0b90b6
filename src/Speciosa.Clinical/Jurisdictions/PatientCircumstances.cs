namespace Speciosa.Clinical.Jurisdictions;

/// <summary>What the law may ask about a patient: age (from date of birth), pregnancy, breastfeeding.</summary>
public sealed record PatientCircumstances(DateOnly DateOfBirth, bool Pregnant = false, bool Breastfeeding = false)
{
    /// <summary>Completed years on <paramref name="today"/>; the birthday itself counts. Someone born on
    /// 29 February turns a year older on 1 March in common years (the later, more cautious reading).</summary>
    public int AgeOn(DateOnly today)
    {
        if (today < DateOfBirth)
        {
            throw new ArgumentOutOfRangeException(nameof(today), "Today is before the date of birth.");
        }

        var age = today.Year - DateOfBirth.Year;
        return (today.Month, today.Day).CompareTo((DateOfBirth.Month, DateOfBirth.Day)) < 0 ? age - 1 : age;
    }
}
