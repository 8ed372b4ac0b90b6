using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Alerts;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Patients;
using Speciosa.Web.Regimens;
using Speciosa.Web.Withdrawal;

namespace Speciosa.Web.Rounds;

/// <summary>What today's round still has to do (issue 15 item 1), one query per list, used both for the home count (its total) and
/// for the list page (its rows). Both start from the round's "today" list (<see cref="RoundLists.Today"/>: active patients of the
/// caller's clinic whose regimen covers today's clinic day) and leave out those already done today, in the clinic's zone:
/// <list type="bullet">
/// <item><see cref="Doses"/>: a regimen with a dose due today (<see cref="DoseDue"/>, rule HOME-DOSE-DUE: not a planned break day, the
/// taper not at 0 g a day) and no dose in the dose log on today's clinic day, of any status (given, held, refused, missed) or source.</item>
/// <item><see cref="Assessments"/>: no staff-rated withdrawal assessment (COWS or SOWS rated by staff, not patient-reported) on
/// today's clinic day: the titration hold and the dose check read the latest staff-rated reading (rule HOME-ASSESSMENT-DUE).</item>
/// </list>
/// A regimen "covers today" from its current version's start to its end; a patient on a break or at the end of a taper is still due an
/// assessment.</summary>
public sealed class RoundDue(SpeciosaDbContext db, ClinicCalendar calendar, TimeProvider clock, RegimenQueries regimenQueries)
{
    public const string Doses = "doses";
    public const string Assessments = "assessments";

    public static string Title(string what) => what == Doses ? "Doses due today" : "Assessments due today";

    public static string Rule(string what) => what == Doses
        ? "A regimen covers today, today is no planned break day, its taper has not reached 0 g a day, and no dose is in the dose log for today's clinic day (given, held, refused or missed)."
        : "A regimen covers today and no COWS or SOWS rated by staff is recorded for today's clinic day (a patient's own check-in does not count).";

    public async Task<ListPage<HomeRow>> ListAsync(ClaimsPrincipal user, string what, PageRequest paging, CancellationToken ct = default)
    {
        var due = await TodayAsync(user, ct);
        var query = db.Patients.AsNoTracking().VisibleTo(user).Where(what == Doses ? due.Dose : due.Assessment);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.Size).Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(ct);
        var detail = what == Doses ? "No dose recorded today" : "No staff-rated COWS or SOWS today";
        return paging.Of(rows.Select(p => new HomeRow($"{p.FamilyName}, {p.GivenName}", $"/patients/{p.Id}", detail)).ToList(), total);
    }

    /// <summary>Today's clinic day for the caller and the two rules as filters over the patients query (SQL on both databases): the
    /// lists above and the patient list's "Next due" column (<see cref="NextDueColumn"/>) use the same ones.</summary>
    public async Task<DueToday> TodayAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var zone = await calendar.ZoneAsync(user.ClinicIdOf(), ct);
        var today = zone.Today(clock.GetUtcNow());
        var (from, to) = zone.Of(today);
        var regimens = db.Regimens;
        var covered = db.Patients.VisibleTo(user).Where(p => p.Status == PatientVocabulary.Active)
            .Where(p => regimens.Any(r => r.PatientId == p.Id && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today)));
        var paused = await regimenQueries.RegimensWithoutDoseDueAsync(covered.Select(p => p.Id), today, ct);
        // Held, refused and missed doses too: the query filter on Doses hides all but given ones.
        var doses = db.Doses.IgnoreQueryFilters();
        var assessments = db.Assessments;
        return new DueToday(today, from, to,
            p => p.Status == PatientVocabulary.Active
                && regimens.Any(r => r.PatientId == p.Id && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today) && !paused.Contains(r.Id))
                && !doses.Any(d => d.PatientId == p.Id && d.GivenAt >= from && d.GivenAt < to),
            p => p.Status == PatientVocabulary.Active
                && regimens.Any(r => r.PatientId == p.Id && r.StartDate <= today && (r.EndDate == null || r.EndDate >= today))
                && !assessments.Any(a => a.PatientId == p.Id && !a.PatientReported && a.AssessedAt >= from && a.AssessedAt < to));
    }
}

/// <summary>The caller's clinic day (<see cref="From"/> to <see cref="To"/>, the day's instants) and who is due a dose and an assessment
/// on it (<see cref="RoundDue"/>'s rules, as filters over patients the caller may see).</summary>
public sealed record DueToday(DateOnly Today, DateTimeOffset From, DateTimeOffset To, Expression<Func<Patient, bool>> Dose,
    Expression<Func<Patient, bool>> Assessment);

/// <summary>The clinician's and nurse's board: doses and assessments due on today's round, and the post-taper checks that have fallen
/// due (<see cref="PostTaperMonitoring.CheckDue"/>, active on the worklist).</summary>
public sealed class RoundHomeTile(RoundDue due, AlertHomeCounts alerts) : IHomeTile
{
    public int Order => 20;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Clinician, SpeciosaRoles.Nurse];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var rows = new List<HomeCount>();
        foreach (var what in new[] { RoundDue.Doses, RoundDue.Assessments })
        {
            var page = await due.ListAsync(context.User, what, HomeRows.CountOnly, ct);
            rows.Add(new HomeCount(RoundDue.Title(what), page.Total, $"/round/due/{what}", RoundDue.Rule(what), HomeRows.Selector));
        }

        rows.Add(await alerts.CountAsync(context.User, "Post-taper checks due", new AlertFilter(Status: "active", Rule: PostTaperMonitoring.CheckDue.Id),
            "After a taper reaches zero: a COWS or SOWS due at the end of the expected onset, peak and acute withdrawal, not yet recorded.", null, ct));
        return new HomeTile("today-round", "Today's round", rows, "Walk them on the round: Round in the menu.");
    }
}
