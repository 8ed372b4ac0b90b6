using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Withdrawal.Instruments;
using Speciosa.Web.Clinics;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;

namespace Speciosa.Web.Withdrawal;

/// <summary>Patients without a check-in today (issue 15 item 1), one query for the home count (its total) and the list page (its
/// rows): active patients of the caller's clinic with a portal account and no patient-reported SOWS (Handelsman) on today's clinic
/// day, in the clinic's zone: the daily check-in as the patient's "Today" counts it done (rule HOME-CHECK-IN-MISSING).</summary>
public sealed class MissingCheckIns(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock)
{
    public const string Path = "/check-ins/missing";

    /// <summary>The portal's daily check-in instrument.</summary>
    public const string CheckInInstrument = InstrumentCatalog.SowsHandelsmanId;

    public const string Title = "Patients without a check-in today";

    public const string Rule =
        "Active patients with portal access who have not sent today's daily check-in (their SOWS) on today's clinic day.";

    public async Task<ListPage<HomeRow>> ListAsync(ClaimsPrincipal user, PageRequest paging, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(user.ClinicIdOf(), ct);
        var (from, to) = zone.Of(zone.Today(clock.GetUtcNow()));
        var assessments = db.Assessments;
        var query = db.Patients.AsNoTracking().VisibleTo(user)
            .Where(p => p.Status == PatientVocabulary.Active && p.PortalUserId != null)
            .Where(p => !assessments.Any(a => a.PatientId == p.Id && a.PatientReported && a.InstrumentId == CheckInInstrument
                && a.AssessedAt >= from && a.AssessedAt < to));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.Size).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
        return paging.Of(rows.Select(p => new HomeRow($"{p.FamilyName}, {p.GivenName}", $"/patients/{p.Id}", "No check-in today")).ToList(), total);
    }
}
