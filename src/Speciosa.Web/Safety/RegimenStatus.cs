namespace Speciosa.Web.Safety;

/// <summary>Whether a patient is on a kratom regimen now and since when.</summary>
public sealed record RegimenState(bool OnKratomRegimen, DateTimeOffset? StartedAt, string Basis);

/// <summary>SEAM for the regimen feature: rules that need "on a kratom regimen" (liver monitoring schedule,
/// pregnancy/breastfeeding/conception alerts) ask this. Replace <see cref="NoRegimensRecorded"/> with an
/// implementation reading the regimens table when that feature lands (register it in SpeciosaApp).</summary>
public interface IRegimenStatus
{
    Task<RegimenState> ForPatientAsync(Guid patientId, CancellationToken ct);
}

/// <summary>Current answer: regimens are not recorded in this version, so no patient is on one. The rules therefore
/// raise their "before any regimen" forms (pregnancy) or nothing (liver schedule) until the regimen feature plugs in.</summary>
public sealed class NoRegimensRecorded : IRegimenStatus
{
    public Task<RegimenState> ForPatientAsync(Guid patientId, CancellationToken ct) =>
        Task.FromResult(new RegimenState(false, null, "Kratom regimens are not recorded in this version."));
}
