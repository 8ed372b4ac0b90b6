namespace Speciosa.Web.Patients;

/// <summary>What another feature does when a patient record is enrolled or edited (pregnancy, breastfeeding or planned
/// conception changes what the safety rules say): stage its rows in the context, so they commit with the record.</summary>
public interface IPatientSavedHandler
{
    Task PatientSavedAsync(Patient patient, DateTimeOffset now, CancellationToken ct);
}
