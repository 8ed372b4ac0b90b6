using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Data;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;

namespace Speciosa.Web.Rounds;

/// <summary>The lists a round walks. "today": active patients the caller may see whose regimen covers today's clinic
/// day (a dose may be due; on a break day or at the end of a taper the round says none is, and a COWS still is). "team": active patients whose care team names the caller. Both ordered by family name, then given
/// name, then id (a stable walk).</summary>
public sealed class RoundLists(SpeciosaDbContext db, ClinicCalendar calendar)
{
    public const string Today = "today";
    public const string Team = "team";

    public static bool IsKnown(string? list) => list is Today or Team;

    public static string Title(string list) => list == Team ? "Patients on my care team" : "Today's patients (a regimen covers today)";

    public async Task<IReadOnlyList<RoundPatient>> ListAsync(ClaimsPrincipal user, string list, CancellationToken ct = default)
    {
        var visible = db.Patients.AsNoTracking().VisibleTo(user).Where(p => p.Status == PatientVocabulary.Active);
        if (list == Team)
        {
            var me = user.UserId();
            visible = visible.Where(p => p.CareTeam.Any(m => m.UserId == me));
        }
        else
        {
            var today = await calendar.TodayAsync(user.ClinicIdOf(), ct);
            var regimens = db.Regimens;
            visible = visible.Where(p => regimens.Any(r => r.PatientId == p.Id && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today)));
        }

        var rows = await visible.Select(p => new RoundPatient(p.Id, p.GivenName, p.FamilyName)).ToListAsync(ct);
        return rows.OrderBy(p => p.FamilyName, StringComparer.CurrentCulture).ThenBy(p => p.GivenName, StringComparer.CurrentCulture)
            .ThenBy(p => p.Id).ToList();
    }
}

public sealed record RoundPatient(Guid Id, string GivenName, string FamilyName)
{
    public string Name => $"{FamilyName}, {GivenName}";
}
