using Speciosa.Web.Alerts;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Medicines;

/// <summary>Raised by Medicines when a medicine is added, with the patient's current list as it will be saved (the
/// new medicine included). Implementers (Vitals' ECG prompt) stage their alerts in the same context; Medicines saves
/// them with the medicine in one SaveChanges.</summary>
public interface IMedicineListChangedHandler
{
    Task<List<RaisedAlert>> MedicineListChangedAsync(Patient patient, IReadOnlyList<CurrentMedicine> current, DateTimeOffset now, CancellationToken ct);
}
