using Speciosa.Web.Components.Home;
using Speciosa.Web.Identity;

namespace Speciosa.Web.Jurisdictions;

/// <summary>The administrator's board: registry entries not checked for more than <c>Jurisdictions:StaleAfterDays</c>, entries created,
/// edited or imported in the last <c>Jurisdictions:ChangedWithinDays</c> days (each counted with the registry list's own query under
/// its filter, <see cref="JurisdictionRegistry.ListAsync"/>), and changes that refuse supply waiting for a second administrator (the
/// proposals page's rows). The registry is shared by every clinic, so these counts are the same in each.</summary>
public sealed class RegistryHomeTile(JurisdictionRegistry registry) : IHomeTile
{
    public int Order => 65;

    public IReadOnlyList<string> Roles { get; } = [SpeciosaRoles.Admin];

    public async Task<HomeTile?> LoadAsync(HomeContext context, CancellationToken ct)
    {
        var (stale, _) = JurisdictionQuery.From(null, null, null, null, true, null, 1, 1);
        var stalePage = await registry.ListAsync(stale!, context.Today, ct);
        var (changed, _) = JurisdictionQuery.From(null, null, null, null, null, null, 1, 1, changedRecently: true);
        var changedPage = await registry.ListAsync(changed!, context.Today, ct);
        var pending = await registry.PendingProposalCountAsync(ct);
        return new HomeTile("registry", "Legal-status registry", [
            new HomeCount("Registry entries stale", stalePage.Total, "/jurisdictions?staleOnly=true",
                $"Entries not checked against their sources for more than {registry.StaleAfterDays} days (shared by every clinic).",
                "table.jurisdictions tbody tr", stalePage.Total > 0 ? "warning" : null),
            new HomeCount("Registry entries changed recently", changedPage.Total, "/jurisdictions?changedRecently=true",
                $"Entries created, edited or imported in the last {registry.ChangedWithinDays} days (shared by every clinic).",
                "table.jurisdictions tbody tr"),
            new HomeCount("Registry changes awaiting a second administrator", pending, "/jurisdictions/proposals",
                "Changes that refuse supply take effect only when an administrator other than the proposer approves them.",
                "table.proposals tbody tr", pending > 0 ? "warning" : null),
        ]);
    }
}
