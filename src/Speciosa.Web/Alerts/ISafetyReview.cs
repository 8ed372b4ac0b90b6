using Speciosa.Web.Patients;

namespace Speciosa.Web.Alerts;

/// <summary>A time-based rule set that <see cref="SafetySweep"/> re-evaluates for every active patient: a condition can
/// start or clear with time alone (a liver panel falls due, an episode runs past its expected course, use rises over
/// 14 days). Features implement it; the kernel's sweep names none of them.</summary>
public interface ISafetyReview
{
    /// <summary>Stages (does not save) the alerts that are new at <paramref name="now"/> and resolves those that cleared.</summary>
    Task<(List<RaisedAlert> Added, List<RaisedAlert> Resolved)> ReviewAsync(Patient patient, DateTimeOffset now, CancellationToken ct);
}
