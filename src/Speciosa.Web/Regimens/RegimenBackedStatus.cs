using Speciosa.Web.Clinics;

namespace Speciosa.Web.Regimens;

/// <summary>Answers the safety rules' "is this patient on kratom, since when" from the regimen in effect today
/// (clinic day), so liver monitoring and pregnancy alerts follow the real order.</summary>
public sealed class RegimenBackedStatus(RegimenQueries queries, ClinicCalendar calendar, TimeProvider clock) : IRegimenStatus
{
    public async Task<RegimenState> ForPatientAsync(Guid patientId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var active = await queries.ActiveRegimenAsync(patientId, now, ct);
        if (active is null)
        {
            return new RegimenState(false, null, "No kratom regimen is in effect today.");
        }

        var zone = (await calendar.ZoneOfPatientAsync(patientId, ct)).Zone;
        var start = active.StartDate.ToDateTime(TimeOnly.MinValue);
        var startedAt = new DateTimeOffset(start, zone.GetUtcOffset(start)).ToUniversalTime();
        return new RegimenState(true, startedAt, $"Regimen version {active.Version} in effect since {active.StartDate:yyyy-MM-dd}.");
    }
}
