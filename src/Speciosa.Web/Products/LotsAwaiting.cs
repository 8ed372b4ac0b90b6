using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Speciosa.Web.Clinics;
using Speciosa.Web.Components.Home;
using Speciosa.Web.Data;
using Speciosa.Web.Http;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Products;

/// <summary>Lots waiting for quality staff (issue 15 item 1), one query for the home count (its total) and the list page (its rows):
/// quarantined lots of the caller's clinic with no certificate of analysis yet (<see cref="Certificate"/>), and quarantined lots
/// with one, waiting for the release decision (release needs a Pass verdict on the newest certificate).</summary>
public sealed class LotsAwaiting(SpeciosaDbContext db, ClinicCalendar calendar)
{
    public const string CertificateList = "certificate";
    public const string ReleaseList = "release";

    public static string Title(string what) => what == CertificateList ? "Lots awaiting a certificate" : "Lots awaiting release";

    public static string Rule(string what) => what == CertificateList
        ? "Quarantined lots with no certificate of analysis recorded."
        : "Quarantined lots with a certificate of analysis: a release decision is due (only a Pass verdict can be released).";

    public async Task<ListPage<HomeRow>> ListAsync(ClaimsPrincipal user, string what, PageRequest paging, CancellationToken ct = default)
    {
        var clinicId = user.ClinicIdOf() ?? Guid.Empty;
        var zone = await calendar.ZoneAsync(clinicId, ct);
        var certificates = db.Certificates;
        var query = db.Lots.AsNoTracking().Where(l => l.ClinicId == clinicId && l.State == LotState.Quarantined);
        query = what == CertificateList
            ? query.Where(l => !certificates.Any(c => c.LotId == l.Id))
            : query.Where(l => certificates.Any(c => c.LotId == l.Id));
        var total = await query.CountAsync(ct);
        var products = db.Products;
        var rows = await query.OrderBy(l => l.LotCode).ThenBy(l => l.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(l => new { l.Id, l.LotCode, l.CreatedAt, Product = products.Where(p => p.Id == l.ProductId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return paging.Of(rows.Select(l => new HomeRow($"{l.Product} · lot {l.LotCode}", $"/lots/{l.Id}",
            (what == CertificateList ? "No certificate; quarantined since " : "Certificate recorded; quarantined since ") + zone.Labelled(l.CreatedAt))).ToList(), total);
    }
}

/// <summary>The quality board: lots awaiting a certificate and lots awaiting release (<see cref="LotsAwaiting"/>).</summary>
public sealed class LotsHomeTile(LotsAwaiting lots) : IHomeTile
{
    public int Order => 50;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Quality];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var rows = new List<HomeCount>();
        foreach (var what in new[] { LotsAwaiting.CertificateList, LotsAwaiting.ReleaseList })
        {
            var page = await lots.ListAsync(context.User, what, HomeRows.CountOnly, ct);
            rows.Add(new HomeCount(LotsAwaiting.Title(what), page.Total, $"/lots/awaiting/{what}", LotsAwaiting.Rule(what), HomeRows.Selector));
        }

        return new HomeTile(HomeLotTile.Id, HomeLotTile.Title, rows);
    }
}
