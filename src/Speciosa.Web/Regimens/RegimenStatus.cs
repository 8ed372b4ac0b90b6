namespace Speciosa.Web.Regimens;

/// <summary>Whether a patient is on a kratom regimen now and since when.</summary>
public sealed record RegimenState(bool OnKratomRegimen, DateTimeOffset? StartedAt, string Basis);

/// <summary>Rules that need "on a kratom regimen" (liver monitoring schedule, pregnancy/breastfeeding/conception
/// alerts) ask this; <see cref="RegimenBackedStatus"/> answers from the regimens table. Tests replace it.</summary>
public interface IRegimenStatus
{
    Task<RegimenState> ForPatientAsync(Guid patientId, CancellationToken ct);
}
