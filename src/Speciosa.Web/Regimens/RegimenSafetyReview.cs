using Speciosa.Web.Alerts;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Regimens;

/// <summary>A regimen starting, changing or stopping changes what the safety rules say. Every
/// <see cref="IRegimenChangedHandler"/> stages its alerts after the regimen is saved, in the same transaction.</summary>
public sealed class RegimenSafetyReview(IEnumerable<IRegimenChangedHandler> handlers)
{
    public async Task<List<RaisedAlert>> StageAsync(Patient patient, DateTimeOffset now, CancellationToken ct)
    {
        var added = new List<RaisedAlert>();
        foreach (var handler in handlers)
        {
            added.AddRange(await handler.RegimenChangedAsync(patient, now, ct));
        }

        return added;
    }
}
