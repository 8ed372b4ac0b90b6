using Speciosa.Web.Alerts;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Regimens;

/// <summary>What another feature does when a patient's regimen starts, changes or stops (the liver monitoring schedule,
/// pregnancy alerts, the interaction screen of the patient's medicines): stage its alerts, unsaved, so they commit with
/// the regimen in one transaction.</summary>
public interface IRegimenChangedHandler
{
    Task<List<RaisedAlert>> RegimenChangedAsync(Patient patient, DateTimeOffset now, CancellationToken ct);
}
