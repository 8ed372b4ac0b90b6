namespace Speciosa.Clinical.Regimens;

/// <summary>Who recorded a dose: staff giving it against the order, or the patient reporting what they took.</summary>
public enum DoseSource
{
    StaffGiven = 0,
    PatientReported = 1,
}
