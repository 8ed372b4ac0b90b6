using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Clinical.Regimens;
using Speciosa.Web.Alerts;
using Speciosa.Web.Clinics;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;
using Speciosa.Web.Products;

namespace Speciosa.Web.Regimens;

/// <summary>Recalls in progress (issue 15 item 1), one query for the home count (its total) and the list page (its rows): recalled
/// lots of the caller's clinic for which at least one exposed patient's recall alert (<see cref="DosingAlertRules.LotRecalled"/>,
/// raised per patient by recall tracing, key <c>patient/{id}/dosing:recall:{lot}</c>) is not yet resolved (rule HOME-RECALL-OPEN).</summary>
public sealed class RecallsInProgress(SpeciosaDbContext db, ClinicCalendar calendar)
{
    public const string Path = "/recalls";
    public const string Title = "Recalls in progress";
    public const string Rule = "Recalled lots with at least one exposed patient whose recall alert is not yet resolved.";

    public async Task<ListPage<HomeRow>> ListAsync(ClaimsPrincipal user, PageRequest paging, CancellationToken ct = default)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var zone = await calendar.ZoneAsync(clinicId, ct);
        var products = db.Products;
        var lots = await db.Lots.AsNoTracking().Where(l => l.ClinicId == clinicId && l.State == LotState.Recalled)
            .Select(l => new { l.Id, l.LotCode, l.StateChangedAt, Product = products.Where(p => p.Id == l.ProductId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var ruleId = DosingAlertRules.LotRecalled.Id;
        var keys = await db.Alerts.AsNoTracking()
            .Where(a => a.ClinicId == clinicId && a.RuleId == ruleId && a.Status != AlertStatus.Resolved)
            .Select(a => a.ConditionKey).ToListAsync(ct);
        var open = lots
            .Select(l => (Lot: l, Patients: keys.Count(k => k.EndsWith($"dosing:recall:{l.Id}", StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.Patients > 0)
            .OrderByDescending(x => x.Lot.StateChangedAt).ThenBy(x => x.Lot.Id).ToList();
        var rows = open.Skip(paging.Skip).Take(paging.Size).Select(x => new HomeRow($"{x.Lot.Product} · lot {x.Lot.LotCode}",
            $"/lots/{x.Lot.Id}/exposures", $"Recalled {zone.Labelled(x.Lot.StateChangedAt)}; {x.Patients} patient alert{(x.Patients == 1 ? "" : "s")} not resolved")).ToList();
        return paging.Of(rows, open.Count);
    }
}

/// <summary>The quality board's recalls in progress (<see cref="RecallsInProgress"/>), in the lots tile.</summary>
public sealed class RecallsHomeTile(RecallsInProgress recalls) : IHomeTile
{
    public int Order => 51;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Quality];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var page = await recalls.ListAsync(context.User, HomeRows.CountOnly, ct);
        return new HomeTile(HomeLotTile.Id, HomeLotTile.Title,
            [new HomeCount(RecallsInProgress.Title, page.Total, RecallsInProgress.Path, RecallsInProgress.Rule, HomeRows.Selector, page.Total > 0 ? "high" : null)]);
    }
}
